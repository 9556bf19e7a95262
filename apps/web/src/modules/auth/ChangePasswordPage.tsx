import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { PASSWORD_PROBLEM_MESSAGES, PasswordProblem, passwordProblems } from '@canbo/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import { AuthRouteError, changePassword, safeNext, useSession } from '../../shared/session';
import { FullPageSpin } from './RequireAuth';
import { meKey, useMe } from './hooks';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const ALL_PROBLEMS: PasswordProblem[] = [PasswordProblem.TOO_SHORT, PasswordProblem.TOO_SIMPLE, PasswordProblem.CONTAINS_USERNAME, PasswordProblem.COMMON];

/** Change one's password; forced at first sign-in (mustChangePassword), otherwise reached from the user menu. */
export function ChangePasswordPage() {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newPassword: string = Form.useWatch('newPassword', form) ?? '';
  const me = useMe();
  // `me` (allowed during the forced change) or, until it answers, the user name typed at sign-in
  const username = me.data?.me.name ?? session.username ?? '';

  if (session.status === 'starting') return <FullPageSpin />;
  if (session.status === 'signedOut') return <Navigate to={`/sign-in?next=${encodeURIComponent('/change-password')}`} replace />;

  const problems = new Set(passwordProblems(newPassword, username));
  const forced = session.mustChangePassword;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      await client.invalidateQueries({ queryKey: meKey });
      message.success(t('auth.passwordChanged'));
      navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof AuthRouteError && e.fields.length) {
        const known = new Set(['currentPassword', 'newPassword']);
        form.setFields(e.fields.filter((f) => known.has(f.field)).map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
        if (e.fields.some((f) => !known.has(f.field))) setError(e.fields.map((f) => f.message).join('; '));
      } else if (e instanceof AuthRouteError && e.code === 'UNAUTHENTICATED') {
        setError(t('auth.sessionExpired'));
      } else if (e instanceof AuthRouteError && e.code === 'TOO_MANY_REQUESTS') {
        setError(t('auth.throttled', { seconds: e.retryAfter ?? 60 }));
      } else {
        setError(e instanceof AuthRouteError && e.code === 'NETWORK' ? t('errors.network') : t('errors.internal'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: forced ? '100vh' : undefined, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
      <Card style={{ width: 480 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('auth.changePasswordTitle')}
        </Typography.Title>
        {forced && <Alert type="info" showIcon title={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} data-testid="must-change-password" />}
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={forced ? t('auth.temporaryPassword') : t('auth.currentPassword')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            rules={[
              { required: true, message: t('validation.required') },
              {
                // the checklist below names what is missing: the field only says that something is
                validator: (_, value: string) =>
                  passwordProblems(value ?? '', username).length ? Promise.reject(new Error(t('auth.passwordPolicyUnmet'))) : Promise.resolve(),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Space orientation="vertical" size={2} style={{ marginBottom: 16 }} data-testid="password-policy">
            {ALL_PROBLEMS.map((p) => {
              const bad = newPassword.length > 0 && problems.has(p);
              const ok = newPassword.length > 0 && !problems.has(p);
              return (
                <Typography.Text key={p} type={bad ? 'danger' : ok ? 'success' : 'secondary'} data-ok={ok}>
                  {bad ? <CloseCircleFilled /> : ok ? <CheckCircleFilled /> : '•'} {PASSWORD_PROBLEM_MESSAGES[p][locale]}
                </Typography.Text>
              );
            })}
          </Space>
          <Form.Item
            name="confirm"
            label={t('auth.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="change-password-submit">
              {t('auth.changePassword')}
            </Button>
            {!forced && (
              <Link to="/">
                <Button>{t('common.cancel')}</Button>
              </Link>
            )}
          </Space>
        </Form>
      </Card>
    </div>
  );
}
