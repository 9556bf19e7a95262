import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { CODE_PATTERN, ErrorCode, LIMITS, PERMISSION_LABELS, Permission, PERMISSIONS } from '@canbo/shared';
import { Alert, App, Button, Checkbox, Col, Empty, Form, Input, Modal, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { RoleFieldsFragment } from '../../generated/graphql';
import { ApiError } from '../../shared/graphql-client';
import { applyFieldErrors, detailedErrorMessage, errorMessage, ErrorState } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { nameRules, reasonRules } from '../../shared/rules';
import { useCreateRole, useDeleteRole, useRoles, useUpdateRole } from './hooks';

const P = PERMISSIONS;
/** The permission checklist, grouped by area. */
export const PERMISSION_GROUPS: { key: string; permissions: Permission[] }[] = [
  { key: 'registry', permissions: [P.UNIT_READ, P.UNIT_MANAGE, P.ESTABLISHMENT_MANAGE, P.TITLE_MANAGE, P.RULE_MANAGE] },
  { key: 'personnel', permissions: [P.PERSONNEL_READ, P.PERSONNEL_READ_SENSITIVE, P.PERSONNEL_WRITE] },
  { key: 'planning', permissions: [P.PLANNING_READ, P.PLANNING_WRITE, P.PLANNING_APPROVE] },
  { key: 'rotation', permissions: [P.ROTATION_READ, P.ROTATION_WRITE, P.ROTATION_APPROVE] },
  { key: 'evaluation', permissions: [P.EVALUATION_READ, P.EVALUATION_WRITE, P.EVALUATION_APPROVE] },
  { key: 'reports', permissions: [P.REPORT_READ] },
  { key: 'admin', permissions: [P.ADMIN_USERS, P.ADMIN_ROLES, P.AUDIT_READ] },
];

interface RoleValues {
  code: string;
  name: string;
  description: string;
  permissions: string[];
}

function PermissionChecklist({ value = [], onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const { t, locale } = useLocale();
  const set = new Set(value);
  const toggle = (p: string, on: boolean) => onChange?.(on ? [...value, p] : value.filter((x) => x !== p));
  return (
    <Row gutter={[16, 12]} data-testid="permission-checklist">
      {PERMISSION_GROUPS.map((g) => (
        <Col key={g.key} xs={24} md={12}>
          <Typography.Text strong>{t(`permissionGroup.${g.key}`)}</Typography.Text>
          <div>
            {g.permissions.map((p) => (
              <div key={p}>
                <Checkbox checked={set.has(p)} onChange={(e) => toggle(p, e.target.checked)} data-permission={p}>
                  {PERMISSION_LABELS[p][locale]}
                </Checkbox>
              </div>
            ))}
          </div>
        </Col>
      ))}
    </Row>
  );
}

function RoleModal({ role, onClose }: { role: RoleFieldsFragment | 'new' | null; onClose: () => void }) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleValues>();
  const create = useCreateRole();
  const update = useUpdateRole();
  const [error, setError] = useState<string | null>(null);
  const editing = role && role !== 'new' ? role : null;
  useLayoutEffect(() => {
    if (!role) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { code: editing.code, name: editing.name, description: editing.description ?? '', permissions: editing.permissions }
        : { code: '', name: '', description: '', permissions: [] },
    );
  }, [role, editing, form]);
  const submit = async (values: RoleValues) => {
    setError(null);
    try {
      if (editing) {
        await update.mutateAsync({
          id: editing.id,
          version: editing.version,
          name: values.name.trim(),
          description: values.description?.trim() || null,
          permissions: values.permissions,
        });
        message.success(t('admin.roleUpdated'));
      } else {
        await create.mutateAsync({
          code: values.code.trim(),
          name: values.name.trim(),
          description: values.description?.trim() || null,
          permissions: values.permissions,
        });
        message.success(t('admin.roleCreated'));
      }
      onClose();
    } catch (e) {
      if (ApiError.isCode(e, ErrorCode.CONFLICT)) setError(t('errors.conflict'));
      else if (!applyFieldErrors(form, e, t, locale)) setError(errorMessage(e, t));
    }
  };
  return (
    <Modal
      open={!!role}
      width={820}
      title={editing ? t('admin.editRole') : t('admin.createRole')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="code"
              label={t('admin.roleCode')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: LIMITS.codeMaxLength, message: t('validation.maxLength', { max: LIMITS.codeMaxLength }) },
                { pattern: CODE_PATTERN, message: t('validation.code') },
              ]}
            >
              <Input disabled={!!editing} data-testid="role-code" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="name" label={t('admin.roleName')} rules={nameRules(t)}>
              <Input data-testid="role-name" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('admin.description')} rules={reasonRules(t)}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('admin.permissions')}
          rules={[{ required: true, type: 'array', min: 1, message: t('admin.permissionsRequired') }]}
        >
          <PermissionChecklist />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RolesPage() {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const roles = useRoles();
  const remove = useDeleteRole();
  const [editing, setEditing] = useState<RoleFieldsFragment | 'new' | null>(null);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.rolesTitle')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-role">
          {t('admin.createRole')}
        </Button>
      </Row>
      {roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => roles.refetch()} />
      ) : (
        <Table<RoleFieldsFragment>
          data-testid="role-table"
          rowKey="id"
          size="middle"
          loading={roles.isFetching}
          dataSource={roles.data?.roles ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('admin.noRoles')} /> }}
          columns={[
            {
              key: 'name',
              title: t('admin.roleName'),
              width: 260,
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <Typography.Text type="secondary">{r.code}</Typography.Text>
                </Space>
              ),
            },
            {
              key: 'permissions',
              title: t('admin.permissions'),
              render: (_, r) => (
                <Space wrap size={4}>
                  {r.permissions.map((p) => (
                    <Tag key={p}>{PERMISSION_LABELS[p as Permission]?.[locale] ?? p}</Tag>
                  ))}
                </Space>
              ),
            },
            { key: 'system', title: t('admin.systemRole'), render: (_, r) => (r.system ? <Tag color="blue">{t('admin.systemRole')}</Tag> : null) },
            { key: 'createdAt', title: t('admin.createdAt'), render: (_, r) => formatDate(r.createdAt) },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, r) => (
                <Space>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('admin.deleteRoleConfirm', { name: r.name })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={async () => {
                      try {
                        await remove.mutateAsync(r.id);
                        message.success(t('admin.roleDeleted'));
                      } catch (e) {
                        message.error(detailedErrorMessage(e, t, locale));
                        if (ApiError.isCode(e, ErrorCode.CONFLICT)) void roles.refetch();
                      }
                    }}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />}>
                      {t('admin.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <RoleModal role={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
