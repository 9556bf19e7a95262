import { PlusOutlined } from '@ant-design/icons';
import { BODY_KIND_LABELS, BodyKind, PERMISSIONS } from '@canbo/shared';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { BodyFieldsFragment } from '../../generated/graphql';
import { applyFieldErrors, FailureAlert } from '../../shared/errors';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../shared/format';
import { nameRules } from '../../shared/rules';
import { usePermissions } from '../auth/hooks';
import { useCreateBody, useUpdateBody } from './hooks';

interface Values {
  name: string;
  kind: BodyKind;
  sortOrder: number;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

export function BodiesTab({ unit, bodies }: { unit: { id: string }; bodies: BodyFieldsFragment[] }) {
  const { t, label } = useLocale();
  const [editing, setEditing] = useState<BodyFieldsFragment | 'new' | null>(null);
  const canEdit = usePermissions().can(PERMISSIONS.UNIT_MANAGE);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('body.create')}
        </Button>
      )}
      <Table<BodyFieldsFragment>
        rowKey="id"
        size="small"
        data-testid="body-table"
        dataSource={bodies}
        pagination={false}
        locale={{ emptyText: t('body.empty') }}
        columns={[
          { key: 'name', title: t('body.name'), dataIndex: 'name' },
          { key: 'kind', title: t('body.kind'), render: (_, b) => <Tag>{label(BODY_KIND_LABELS, b.kind)}</Tag> },
          { key: 'from', title: t('unit.validFrom'), render: (_, b) => formatDate(b.validFrom) },
          { key: 'to', title: t('unit.validTo'), render: (_, b) => (b.validTo ? formatDate(b.validTo) : t('unit.active')) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, b) =>
              canEdit ? (
                <Button size="small" onClick={() => setEditing(b)}>
                  {t('common.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      <BodyFormModal unitId={unit.id} body={editing === 'new' ? undefined : (editing ?? undefined)} open={editing !== null} onClose={() => setEditing(null)} />
    </Space>
  );
}

function BodyFormModal({ unitId, body, open, onClose }: { unitId: string; body?: BodyFieldsFragment; open: boolean; onClose: () => void }) {
  const { t, locale, label } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateBody();
  const update = useUpdateBody();
  const [failure, setFailure] = useState<unknown>(null);

  useLayoutEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(
      body
        ? { name: body.name, kind: body.kind, sortOrder: body.sortOrder, validFrom: dayjs(body.validFrom), validTo: body.validTo ? dayjs(body.validTo) : null }
        : { kind: BodyKind.PUBLIC_SERVICE_UNIT, sortOrder: 100, validFrom: dayjs() },
    );
  }, [open, body, form]);

  const submit = async (values: Values) => {
    const common = {
      name: values.name,
      kind: values.kind,
      sortOrder: values.sortOrder,
      validFrom: toIsoDate(values.validFrom)!,
      validTo: toIsoDate(values.validTo ?? null),
    };
    try {
      if (body) await update.mutateAsync({ id: body.id, version: body.version, ...common });
      else await create.mutateAsync({ unitId, ...common });
      message.success(t('body.saved'));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };

  return (
    <Modal
      open={open}
      title={body ? t('body.edit') : t('body.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <FailureAlert error={failure} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} name="body-form">
        <Form.Item name="name" label={t('body.name')} rules={nameRules(t)}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('body.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={Object.values(BodyKind).map((k) => ({ value: k, label: label(BODY_KIND_LABELS, k) }))} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('body.sortOrder')}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('unit.validFrom')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validTo" label={t('unit.validTo')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
