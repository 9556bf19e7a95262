import type { Permission } from '@canbo/shared';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import { ErrorState } from '../../shared/errors';
import { useSession } from '../../shared/session';
import { usePermissions } from './hooks';

/** Signed-in pages: without a session, the sign-in page (which brings the user back here). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  if (session.status === 'starting') return <FullPageSpin />;
  if (session.status === 'signedOut') return <Navigate to={`/sign-in?next=${encodeURIComponent(here)}`} replace />;
  if (session.mustChangePassword) return <Navigate to={`/change-password?next=${encodeURIComponent(here)}`} replace />;
  return <>{children}</>;
}

export function FullPageSpin() {
  const { t } = useLocale();
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

/** A page that needs a permission: without it, a clear message instead of failing requests. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can, loading, error } = usePermissions();
  if (loading) return <FullPageSpin />;
  if (error) return <ErrorState error={error} />;
  if (!can(permission)) return <Forbidden />;
  return <>{children}</>;
}

export function Forbidden() {
  const { t } = useLocale();
  return (
    <Result
      status="403"
      title={t('auth.forbiddenTitle')}
      subTitle={t('errors.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('auth.home')}</Button>
        </Link>
      }
    />
  );
}
