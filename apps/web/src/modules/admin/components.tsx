import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { STAFF_CATEGORY_LABELS, StaffCategory } from '@canbo/shared';
import { Alert, App, Button, Empty, Form, Input, Modal, Popconfirm, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useLayoutEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { AssignmentFieldsFragment } from '../../generated/graphql';
import { applyFieldErrors, errorMessage, ErrorState } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { useAssignRole, useRemoveRoleAssignment, useRoles, useUnitName, useUnitOptions } from './hooks';

/** A secret shown once (temporary password, API key), with a copy button. */
export function SecretModal(props: { open: boolean; title: string; hint: string; secret: string; onClose: () => void; testId: string }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.secret);
      message.success(t('admin.copied'));
    } catch {
      message.warning(t('admin.copyFailed'));
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={props.onClose}>
          {t('admin.secretSaved')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={props.hint} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={props.secret} data-testid={props.testId} style={{ fontFamily: 'monospace' }} />
        <Button icon={<CopyOutlined />} onClick={copy}>
          {t('admin.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}

export function UnitName({ id }: { id: string }) {
  const unit = useUnitName(id);
  if (unit.isLoading) return <Spin size="small" />;
  return <>{unit.data?.unit.name ?? id}</>;
}

/** Multi-select of units, searching the units query as the user types. */
export function UnitMultiSelect(props: { value?: string[]; onChange?: (v: string[]) => void; testId?: string }) {
  const { t } = useLocale();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  useEffect(() => {
    const id = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(id);
  }, [search]);
  const options = useUnitOptions(debounced);
  const nodes = options.data?.units.edges.map((e) => e.node) ?? [];
  useEffect(() => {
    if (nodes.length) setKnown((k) => ({ ...k, ...Object.fromEntries(nodes.map((n) => [n.id, n.name])) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.data]);
  const selected = (props.value ?? []).filter((id) => !nodes.some((n) => n.id === id)).map((id) => ({ value: id, label: known[id] ?? id }));
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      data-testid={props.testId}
      placeholder={t('admin.unitsPlaceholder')}
      value={props.value}
      onChange={(v: string[]) => props.onChange?.(v)}
      loading={options.isFetching}
      notFoundContent={options.isFetching ? <Spin size="small" /> : t('unit.empty')}
      options={[...selected, ...nodes.map((n) => ({ value: n.id, label: n.name }))]}
      style={{ width: '100%' }}
    />
  );
}

interface AssignValues {
  roleId: string;
  scope: 'all' | 'units';
  unitIds: string[];
  staffCategories: StaffCategory[];
}

function AssignModal(props: { open: boolean; onClose: () => void; principal: { userId?: string; serviceAccountId?: string } }) {
  const { t, locale, label } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const roles = useRoles(props.open);
  const assign = useAssignRole();
  const [error, setError] = useState<string | null>(null);
  const scope = Form.useWatch('scope', form);
  useLayoutEffect(() => {
    if (props.open) {
      form.resetFields();
      setError(null);
    }
  }, [props.open, form]);
  const submit = async (values: AssignValues) => {
    setError(null);
    try {
      await assign.mutateAsync({
        ...props.principal,
        roleId: values.roleId,
        allUnits: values.scope === 'all',
        unitIds: values.scope === 'all' ? [] : values.unitIds,
        staffCategories: values.staffCategories?.length ? values.staffCategories : null,
      });
      message.success(t('admin.assigned'));
      props.onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, t, locale, { userId: 'roleId', serviceAccountId: 'roleId', allUnits: 'scope' })) setError(errorMessage(e, t));
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('admin.assignRole')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {roles.isError && <ErrorState error={roles.error} onRetry={() => roles.refetch()} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ scope: 'all', unitIds: [], staffCategories: [] }}>
        <Form.Item name="roleId" label={t('admin.role')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            data-testid="assign-role-select"
            loading={roles.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={roles.data?.roles.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="scope" label={t('admin.scope')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('admin.scopeAll') },
              { value: 'units', label: t('admin.scopeUnits') },
            ]}
          />
        </Form.Item>
        {scope === 'units' && (
          <Form.Item name="unitIds" label={t('admin.units')} rules={[{ required: true, type: 'array', min: 1, message: t('admin.unitsRequired') }]}>
            <UnitMultiSelect testId="assign-units" />
          </Form.Item>
        )}
        <Form.Item name="staffCategories" label={t('admin.staffCategories')} extra={t('admin.staffCategoriesHint')}>
          <Select
            mode="multiple"
            allowClear
            data-testid="assign-categories"
            options={Object.values(StaffCategory).map((c) => ({ value: c, label: label(STAFF_CATEGORY_LABELS, c) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The role assignments of a user or a service account: list, add, remove. */
export function AssignmentsPanel(props: {
  assignments: AssignmentFieldsFragment[];
  principal: { userId?: string; serviceAccountId?: string };
  disabled?: boolean;
}) {
  const { t, label } = useLocale();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const remove = useRemoveRoleAssignment();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('admin.assignments')}
        </Typography.Title>
        {!props.disabled && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-assignment">
            {t('admin.assignRole')}
          </Button>
        )}
      </Space>
      <Table<AssignmentFieldsFragment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={props.assignments}
        data-testid="assignment-table"
        locale={{ emptyText: <Empty description={t('admin.noAssignments')} /> }}
        columns={[
          { key: 'role', title: t('admin.role'), render: (_, a) => a.role.name },
          {
            key: 'scope',
            title: t('admin.scope'),
            render: (_, a) =>
              a.allUnits ? (
                <Tag color="red">{t('admin.scopeAll')}</Tag>
              ) : (
                <Space wrap size={4}>
                  {a.unitIds.map((id) => (
                    <Tag key={id}>
                      <UnitName id={id} />
                    </Tag>
                  ))}
                </Space>
              ),
          },
          {
            key: 'categories',
            title: t('admin.staffCategories'),
            render: (_, a) =>
              a.staffCategories?.length ? a.staffCategories.map((c) => <Tag key={c}>{label(STAFF_CATEGORY_LABELS, c)}</Tag>) : t('admin.allCategories'),
          },
          { key: 'since', title: t('admin.since'), render: (_, a) => formatDate(a.createdAt) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, a) => (
              <Popconfirm
                title={t('admin.removeAssignmentConfirm', { role: a.role.name })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={async () => {
                  try {
                    await remove.mutateAsync(a.id);
                    message.success(t('admin.assignmentRemoved'));
                  } catch (e) {
                    message.error(errorMessage(e, t));
                  }
                }}
              >
                <Button size="small" danger icon={<DeleteOutlined />} disabled={props.disabled}>
                  {t('admin.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <AssignModal open={adding} onClose={() => setAdding(false)} principal={props.principal} />
    </Space>
  );
}
