import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { ServiceAccountFieldsFragment } from '../../generated/graphql';
import { applyFieldErrors, detailedErrorMessage, errorMessage, ErrorState } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { nameRules, reasonRules } from '../../shared/rules';
import { AssignmentsPanel, SecretModal } from './components';
import { useCreateServiceAccount, useRevokeServiceAccount, useServiceAccounts } from './hooks';

interface Values {
  name: string;
  description: string;
  expiresAt: Dayjs | null;
}

function CreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (key: string) => void }) {
  const { t, locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const create = useCreateServiceAccount();
  const [error, setError] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  const submit = async (values: Values) => {
    setError(null);
    try {
      const result = await create.mutateAsync({
        name: values.name.trim(),
        description: values.description?.trim() || null,
        expiresAt: values.expiresAt ? values.expiresAt.endOf('day').toISOString() : null,
      });
      onCreated(result.createServiceAccount.apiKey);
    } catch (e) {
      if (!applyFieldErrors(form, e, t, locale)) setError(errorMessage(e, t));
    }
  };
  return (
    <Modal
      open={open}
      title={t('admin.createServiceAccount')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: '', description: '', expiresAt: null }}>
        <Form.Item name="name" label={t('admin.serviceAccountName')} rules={nameRules(t)}>
          <Input data-testid="service-account-name" />
        </Form.Item>
        <Form.Item name="description" label={t('admin.description')} rules={reasonRules(t)}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('admin.expiresAt')} extra={t('admin.expiresAtHint')}>
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ServiceAccountsPage() {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const accounts = useServiceAccounts();
  const revoke = useRevokeServiceAccount();
  const [creating, setCreating] = useState(false);
  const [apiKey, setApiKey] = useState<string | null>(null);

  const status = (a: ServiceAccountFieldsFragment) => {
    if (a.revokedAt) return <Tag color="error">{`${t('admin.revoked')} ${formatDate(a.revokedAt)}`}</Tag>;
    if (a.expiresAt && new Date(a.expiresAt) <= new Date()) return <Tag>{t('admin.expired')}</Tag>;
    return <Tag color="success">{t('admin.active')}</Tag>;
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.serviceAccountsTitle')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-service-account">
          {t('admin.createServiceAccount')}
        </Button>
      </Row>
      {accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => accounts.refetch()} />
      ) : (
        <Table<ServiceAccountFieldsFragment>
          data-testid="service-account-table"
          rowKey="id"
          size="middle"
          loading={accounts.isFetching}
          dataSource={accounts.data?.serviceAccounts ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('admin.noServiceAccounts')} /> }}
          expandable={{
            expandedRowRender: (a) => (
              <AssignmentsPanel assignments={a.assignments} principal={{ serviceAccountId: a.id }} disabled={!!a.revokedAt} />
            ),
          }}
          columns={[
            {
              key: 'name',
              title: t('admin.serviceAccountName'),
              render: (_, a) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{a.name}</Typography.Text>
                  {a.description && <Typography.Text type="secondary">{a.description}</Typography.Text>}
                </Space>
              ),
            },
            { key: 'prefix', title: t('admin.keyPrefix'), render: (_, a) => <Typography.Text code>{`${a.keyPrefix}…`}</Typography.Text> },
            { key: 'expires', title: t('admin.expiresAt'), render: (_, a) => formatDate(a.expiresAt) || t('admin.never') },
            { key: 'lastUsed', title: t('admin.lastUsed'), render: (_, a) => formatDateTime(a.lastUsedAt) || t('common.none') },
            { key: 'status', title: t('admin.status'), render: (_, a) => status(a) },
            {
              key: 'roles',
              title: t('admin.assignments'),
              render: (_, a) => a.assignments.map((x) => <Tag key={x.id}>{x.role.name}</Tag>),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, a) =>
                a.revokedAt ? null : (
                  <Popconfirm
                    title={t('admin.revokeConfirm', { name: a.name })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={async () => {
                      try {
                        await revoke.mutateAsync(a.id);
                        message.success(t('admin.revokedDone'));
                      } catch (e) {
                        message.error(detailedErrorMessage(e, t, locale));
                      }
                    }}
                  >
                    <Button size="small" danger icon={<StopOutlined />}>
                      {t('admin.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      <CreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setApiKey(key);
        }}
      />
      <SecretModal
        open={!!apiKey}
        title={t('admin.apiKeyTitle')}
        hint={t('admin.apiKeyHint')}
        secret={apiKey ?? ''}
        testId="api-key"
        onClose={() => setApiKey(null)}
      />
    </Space>
  );
}
