import { PlusOutlined } from '@ant-design/icons';
import { LIMITS, USERNAME_PATTERN } from '@canbo/shared';
import { Alert, App, Button, Empty, Form, Input, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import type { UserFieldsFragment } from '../../generated/graphql';
import { CursorPager, useCursors } from '../../shared/CursorPager';
import { applyFieldErrors, errorMessage, ErrorState } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { nameRules } from '../../shared/rules';
import { SecretModal } from './components';
import { useCreateUser, useUsers } from './hooks';

export function UserStatus({ user }: { user: UserFieldsFragment }) {
  const { t } = useLocale();
  const locked = user.lockedUntil && new Date(user.lockedUntil) > new Date();
  return (
    <Space size={4} wrap>
      {user.active ? <Tag color="success">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>}
      {locked && <Tag color="error">{t('admin.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="warning">{t('admin.mustChange')}</Tag>}
    </Space>
  );
}

function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (password: string, id: string) => void }) {
  const { t, locale } = useLocale();
  const [form] = Form.useForm<{ username: string; displayName: string }>();
  const create = useCreateUser();
  const [error, setError] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  const submit = async (values: { username: string; displayName: string }) => {
    setError(null);
    try {
      const result = await create.mutateAsync({ username: values.username.trim(), displayName: values.displayName.trim() });
      onCreated(result.createUser.temporaryPassword, result.createUser.user.id);
    } catch (e) {
      if (!applyFieldErrors(form, e, t, locale)) setError(errorMessage(e, t));
    }
  };
  return (
    <Modal
      open={open}
      title={t('admin.createUser')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ username: '', displayName: '' }}>
        <Form.Item
          name="username"
          label={t('auth.username')}
          extra={t('admin.usernameHint')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { pattern: USERNAME_PATTERN, message: t('admin.usernameInvalid') },
          ]}
        >
          <Input data-testid="user-username" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.displayName')} rules={nameRules(t, { max: LIMITS.nameMaxLength })}>
          <Input data-testid="user-display-name" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ password: string; id: string } | null>(null);
  const { message } = App.useApp();
  useEffect(() => {
    const id = setTimeout(() => setSearch(searchInput.trim()), 300);
    return () => clearTimeout(id);
  }, [searchInput]);
  const pager = useCursors(`${search}|${pageSize}`);
  const vars = useMemo(() => ({ first: pageSize, after: pager.after, search: search || null }), [pageSize, pager.after, search]);
  const users = useUsers(vars);
  const connection = users.data?.users;
  const rows = connection?.edges.map((e) => e.node) ?? [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.usersTitle')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
          {t('admin.createUser')}
        </Button>
      </Row>
      <Input.Search
        allowClear
        data-testid="user-search"
        aria-label={t('common.search')}
        placeholder={t('admin.userSearch')}
        value={searchInput}
        onChange={(e) => setSearchInput(e.target.value)}
        style={{ width: 320 }}
      />
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <div>
          <Table<UserFieldsFragment>
            data-testid="user-table"
            rowKey="id"
            size="middle"
            loading={users.isFetching}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: <Empty description={t('admin.noUsers')} /> }}
            columns={[
              { key: 'username', title: t('auth.username'), render: (_, u) => <Link to={`/admin/users/${u.id}`}>{u.username}</Link> },
              { key: 'displayName', title: t('admin.displayName'), dataIndex: 'displayName' },
              { key: 'status', title: t('admin.status'), render: (_, u) => <UserStatus user={u} /> },
              { key: 'lastSignIn', title: t('admin.lastSignIn'), render: (_, u) => formatDateTime(u.lastSignInAt) || t('common.none') },
            ]}
          />
          {connection && (
            <CursorPager
              pager={pager}
              connection={connection}
              pageSize={pageSize}
              shown={rows.length}
              loading={users.isFetching}
              onPageSize={setPageSize}
            />
          )}
        </div>
      )}
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(password, id) => {
          setCreating(false);
          setCreated({ password, id });
          message.success(t('admin.userCreated'));
        }}
      />
      <SecretModal
        open={!!created}
        title={t('admin.temporaryPasswordTitle')}
        hint={t('admin.temporaryPasswordHint')}
        secret={created?.password ?? ''}
        testId="temporary-password"
        onClose={() => {
          const id = created?.id;
          setCreated(null);
          if (id) navigate(`/admin/users/${id}`);
        }}
      />
    </Space>
  );
}
