import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DownOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  RobotOutlined,
  SettingOutlined,
  SolutionOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { PERMISSIONS } from '@canbo/shared';
import { Button, Dropdown, Layout, Menu, Select, Space, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { FullPageSpin } from '../modules/auth/RequireAuth';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { usePermissions } from '../modules/auth/hooks';
import { signOut } from '../shared/session';
import { setLocale, useLocale } from './i18n';

const SECTIONS = ['units', 'persons', 'reports', 'targets', 'rules', 'titles', 'admin/users', 'admin/roles', 'admin/service-accounts', 'audit'];

export function AppLayout({ children }: { children?: ReactNode }) {
  const { t, locale } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const { can, me } = usePermissions();
  const selected = SECTIONS.find((s) => location.pathname.startsWith(`/${s}`)) ?? '';
  const items = [
    can(PERMISSIONS.UNIT_READ) && { key: 'units', icon: <ApartmentOutlined />, label: <Link to="/units">{t('app.menu.units')}</Link> },
    can(PERMISSIONS.PERSONNEL_READ) && {
      key: 'persons',
      icon: <SolutionOutlined />,
      label: <Link to="/persons">{t('app.menu.persons')}</Link>,
    },
    can(PERMISSIONS.REPORT_READ) && {
      key: 'reports',
      icon: <BarChartOutlined />,
      label: <Link to="/reports/situation">{t('app.menu.reports')}</Link>,
    },
    can(PERMISSIONS.REPORT_READ) && {
      key: 'targets',
      icon: <AimOutlined />,
      label: <Link to="/targets">{t('app.menu.targets')}</Link>,
    },
    can(PERMISSIONS.UNIT_READ) && { key: 'titles', icon: <IdcardOutlined />, label: <Link to="/titles">{t('app.menu.titles')}</Link> },
    can(PERMISSIONS.RULE_MANAGE) && {
      key: 'rules',
      icon: <SettingOutlined />,
      label: <Link to="/rules/targets">{t('app.menu.targetRules')}</Link>,
    },
    can(PERMISSIONS.ADMIN_USERS) && { key: 'admin/users', icon: <TeamOutlined />, label: <Link to="/admin/users">{t('app.menu.users')}</Link> },
    can(PERMISSIONS.ADMIN_ROLES) && {
      key: 'admin/roles',
      icon: <SafetyCertificateOutlined />,
      label: <Link to="/admin/roles">{t('app.menu.roles')}</Link>,
    },
    can(PERMISSIONS.ADMIN_USERS) && {
      key: 'admin/service-accounts',
      icon: <RobotOutlined />,
      label: <Link to="/admin/service-accounts">{t('app.menu.serviceAccounts')}</Link>,
    },
    can(PERMISSIONS.AUDIT_READ) && { key: 'audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('app.menu.audit')}</Link> },
  ].filter(Boolean) as { key: string; icon: ReactNode; label: ReactNode }[];

  const doSignOut = async () => {
    await signOut().catch(() => undefined);
    navigate('/sign-in', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
        <Space size="middle">
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{t('app.subtitle')}</Typography.Text>
        </Space>
        <Space size="middle">
          <Select
            aria-label={t('app.language')}
            data-testid="locale-switch"
            value={locale}
            style={{ width: 130 }}
            onChange={(value) => setLocale(value)}
            options={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: () => navigate('/change-password') },
                { type: 'divider' },
                { key: 'sign-out', icon: <LogoutOutlined />, danger: true, label: t('auth.signOut'), onClick: () => void doSignOut() },
              ],
            }}
          >
            <Button data-testid="user-menu" icon={<UserOutlined />}>
              {me?.displayName ?? me?.name ?? ''} <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu mode="inline" selectedKeys={[selected]} style={{ height: '100%' }} items={items} data-testid="main-menu" />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<FullPageSpin />}>{children ?? <Outlet />}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
