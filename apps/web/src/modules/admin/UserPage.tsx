import { ArrowLeftOutlined, KeyOutlined, StopOutlined, CheckOutlined } from '@ant-design/icons';
import { ErrorCode } from '@canbo/shared';
import { App, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import { ApiError } from '../../shared/graphql-client';
import { detailedErrorMessage, ErrorState } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { AssignmentsPanel, SecretModal, UnitName } from './components';
import { useResetUserPassword, useUpdateUser, useUser } from './hooks';
import { UserStatus } from './UsersPage';

export function UserPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const user = useUser(id);
  const update = useUpdateUser();
  const reset = useResetUserPassword();
  const [password, setPassword] = useState<string | null>(null);

  if (user.isLoading) return <Skeleton active />;
  if (user.isError) {
    if (ApiError.isCode(user.error, ErrorCode.NOT_FOUND)) {
      return (
        <Result
          status="404"
          title={t('common.notFound')}
          extra={
            <Link to="/admin/users">
              <Button type="primary">{t('common.backToList')}</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorState error={user.error} onRetry={() => user.refetch()} />;
  }
  const u = user.data!.user;

  const toggleActive = async () => {
    try {
      await update.mutateAsync({ id: u.id, version: u.version, active: !u.active });
      message.success(u.active ? t('admin.deactivated') : t('admin.activated'));
    } catch (e) {
      message.error(detailedErrorMessage(e, t, locale));
      if (ApiError.isCode(e, ErrorCode.CONFLICT)) void user.refetch();
    }
  };
  const resetPassword = async () => {
    try {
      const result = await reset.mutateAsync(u.id);
      setPassword(result.resetUserPassword.temporaryPassword);
    } catch (e) {
      message.error(detailedErrorMessage(e, t, locale));
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/admin/users">
        <Button icon={<ArrowLeftOutlined />}>{t('common.backToList')}</Button>
      </Link>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="user-title">
            {u.displayName}
          </Typography.Title>
        }
        extra={
          <Space>
            <Popconfirm
              title={u.active ? t('admin.deactivateConfirm', { name: u.displayName }) : t('admin.activateConfirm', { name: u.displayName })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={toggleActive}
            >
              <Button icon={u.active ? <StopOutlined /> : <CheckOutlined />} danger={u.active} loading={update.isPending} data-testid="toggle-active">
                {u.active ? t('admin.deactivate') : t('admin.activate')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('admin.resetPasswordConfirm', { name: u.displayName })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={resetPassword}
            >
              <Button icon={<KeyOutlined />} loading={reset.isPending} data-testid="reset-password">
                {t('admin.resetPassword')}
              </Button>
            </Popconfirm>
          </Space>
        }
      >
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('auth.username')}>{u.username}</Descriptions.Item>
          <Descriptions.Item label={t('admin.status')}>
            <UserStatus user={u} />
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.homeUnit')}>{u.homeUnitId ? <UnitName id={u.homeUnitId} /> : t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('admin.lastSignIn')}>{formatDateTime(u.lastSignInAt) || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('admin.passwordChangedAt')}>{formatDateTime(u.passwordChangedAt) || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('admin.createdAt')}>{formatDateTime(u.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <AssignmentsPanel assignments={u.assignments} principal={{ userId: u.id }} />
      </Card>
      <SecretModal
        open={!!password}
        title={t('admin.temporaryPasswordTitle')}
        hint={t('admin.temporaryPasswordHint')}
        secret={password ?? ''}
        testId="temporary-password"
        onClose={() => setPassword(null)}
      />
    </Space>
  );
}
