import { PERMISSIONS } from '@canbo/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { lazy, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ChangePasswordPage } from '../modules/auth/ChangePasswordPage';
import { usePermissions } from '../modules/auth/hooks';
import { FullPageSpin, RequireAuth, RequirePermission } from '../modules/auth/RequireAuth';
import { SignInPage } from '../modules/auth/SignInPage';
import { ApiError } from '../shared/graphql-client';
import { onSessionEnd, startSession, useSession } from '../shared/session';
import { useLocale } from './i18n';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

// each page is a chunk of its own, loaded when first shown (the sign-in page and the layout are in the main one)
const AuditPage = lazy(() => import('../modules/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const RolesPage = lazy(() => import('../modules/admin/RolesPage').then((m) => ({ default: m.RolesPage })));
const ServiceAccountsPage = lazy(() => import('../modules/admin/ServiceAccountsPage').then((m) => ({ default: m.ServiceAccountsPage })));
const UserPage = lazy(() => import('../modules/admin/UserPage').then((m) => ({ default: m.UserPage })));
const UsersPage = lazy(() => import('../modules/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const PersonListPage = lazy(() => import('../modules/person/PersonListPage').then((m) => ({ default: m.PersonListPage })));
const PersonPage = lazy(() => import('../modules/person/PersonPage').then((m) => ({ default: m.PersonPage })));
const PersonImportPage = lazy(() => import('../modules/person-import/PersonImportPage').then((m) => ({ default: m.PersonImportPage })));
const SituationReportPage = lazy(() => import('../modules/report/SituationReportPage').then((m) => ({ default: m.SituationReportPage })));
const TargetsPage = lazy(() => import('../modules/target/TargetsPage').then((m) => ({ default: m.TargetsPage })));
const TargetRulesPage = lazy(() => import('../modules/rule/TargetRulesPage').then((m) => ({ default: m.TargetRulesPage })));
const TitleListPage = lazy(() => import('../modules/title/TitleListPage').then((m) => ({ default: m.TitleListPage })));
const UnitListPage = lazy(() => import('../modules/unit/UnitListPage').then((m) => ({ default: m.UnitListPage })));
const UnitPage = lazy(() => import('../modules/unit/UnitPage').then((m) => ({ default: m.UnitPage })));

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.code !== 'NETWORK') && count < 2,
    },
  },
});

// another person may sign in next: nothing of this one's data stays in the cache
onSessionEnd(() => queryClient.clear());

/** The first page a user may see: units when allowed, else the first admin page they may use. */
function HomeRedirect() {
  const { can, loading } = usePermissions();
  if (loading) return <FullPageSpin />;
  const target = can(PERMISSIONS.UNIT_READ)
    ? '/units'
    : can(PERMISSIONS.ADMIN_USERS)
      ? '/admin/users'
      : can(PERMISSIONS.ADMIN_ROLES)
        ? '/admin/roles'
        : can(PERMISSIONS.AUDIT_READ)
          ? '/audit'
          : '/units';
  return <Navigate to={target} replace />;
}

function ChangePasswordRoute() {
  const session = useSession();
  if (session.status === 'signedIn' && !session.mustChangePassword) {
    return (
      <AppLayout>
        <ChangePasswordPage />
      </AppLayout>
    );
  }
  return <ChangePasswordPage />;
}

const unitRead = PERMISSIONS.UNIT_READ;
const personnelRead = PERMISSIONS.PERSONNEL_READ;

export function App() {
  const { locale } = useLocale();
  dayjs.locale(locale);
  useEffect(() => {
    void startSession();
  }, []);
  return (
    <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/change-password" element={<ChangePasswordRoute />} />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<HomeRedirect />} />
                <Route path="/units" element={<RequirePermission permission={unitRead}><UnitListPage /></RequirePermission>} />
                <Route path="/units/:id" element={<RequirePermission permission={unitRead}><UnitPage /></RequirePermission>} />
                <Route path="/persons" element={<RequirePermission permission={personnelRead}><PersonListPage /></RequirePermission>} />
                <Route
                  path="/persons/import"
                  element={<RequirePermission permission={PERMISSIONS.PERSONNEL_WRITE}><PersonImportPage /></RequirePermission>}
                />
                <Route path="/persons/:id" element={<RequirePermission permission={personnelRead}><PersonPage /></RequirePermission>} />
                <Route
                  path="/reports/situation"
                  element={<RequirePermission permission={PERMISSIONS.REPORT_READ}><SituationReportPage /></RequirePermission>}
                />
                <Route path="/targets" element={<RequirePermission permission={PERMISSIONS.REPORT_READ}><TargetsPage /></RequirePermission>} />
                <Route path="/titles" element={<RequirePermission permission={unitRead}><TitleListPage /></RequirePermission>} />
                <Route path="/rules/targets" element={<RequirePermission permission={unitRead}><TargetRulesPage /></RequirePermission>} />
                <Route
                  path="/admin/users"
                  element={<RequirePermission permission={PERMISSIONS.ADMIN_USERS}><UsersPage /></RequirePermission>}
                />
                <Route
                  path="/admin/users/:id"
                  element={<RequirePermission permission={PERMISSIONS.ADMIN_USERS}><UserPage /></RequirePermission>}
                />
                <Route
                  path="/admin/roles"
                  element={<RequirePermission permission={PERMISSIONS.ADMIN_ROLES}><RolesPage /></RequirePermission>}
                />
                <Route
                  path="/admin/service-accounts"
                  element={<RequirePermission permission={PERMISSIONS.ADMIN_USERS}><ServiceAccountsPage /></RequirePermission>}
                />
                <Route path="/audit" element={<RequirePermission permission={PERMISSIONS.AUDIT_READ}><AuditPage /></RequirePermission>} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
