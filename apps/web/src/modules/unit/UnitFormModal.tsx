import { AGENCY_BRANCH_LABELS, AgencyBranch, COMMUNE_LEVEL_KINDS, LIMITS, UNIT_KIND_LABELS, UnitKind } from '@canbo/shared';
import { App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useEffect, useLayoutEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import type { UnitFieldsFragment } from '../../generated/graphql';
import { applyFieldErrors, FailureAlert } from '../../shared/errors';
import { DATE_FORMAT, toIsoDate } from '../../shared/format';
import { codeRules, nameRules } from '../../shared/rules';
import { useCreateUnit, useUnits, useUpdateUnit } from './hooks';

interface Values {
  code?: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  branch?: AgencyBranch | null;
  parentId?: string | null;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  applyDefaults?: boolean;
}


/** Adds a unit, or edits one (with its version: a newer version on the server answers CONFLICT). */
export function UnitFormModal({ open, onClose, unit, onReload }: { open: boolean; onClose: () => void; unit?: UnitFieldsFragment; onReload?: () => void }) {
  const { t, locale, label } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const [failure, setFailure] = useState<unknown>(null);
  const provinces = useUnits({ first: 10, filter: { kinds: [UnitKind.PROVINCE] } });
  const kind = Form.useWatch('kind', form);

  useLayoutEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (unit) {
      form.setFieldsValue({
        name: unit.name,
        shortName: unit.shortName ?? undefined,
        kind: unit.kind,
        branch: unit.branch,
        parentId: unit.parentId,
        validFrom: dayjs(unit.validFrom),
        validTo: unit.validTo ? dayjs(unit.validTo) : null,
      });
    } else {
      form.setFieldsValue({
        kind: UnitKind.COMMUNE,
        validFrom: dayjs(),
        applyDefaults: true,
      });
    }
  }, [open, unit, form]);

  // the province, once known, is the default parent of a new unit; the user's typing is kept meanwhile
  const defaultParent = provinces.data?.units.edges[0]?.node.id ?? null;
  useEffect(() => {
    if (open && !unit && defaultParent && !form.getFieldValue('parentId')) form.setFieldsValue({ parentId: defaultParent });
  }, [open, unit, form, defaultParent]);

  const submit = async (values: Values) => {
    setFailure(null);
    const common = {
      name: values.name,
      shortName: values.shortName?.trim() ? values.shortName : null,
      kind: values.kind,
      branch: values.kind === UnitKind.PROVINCE_AGENCY ? (values.branch ?? null) : null,
      validFrom: toIsoDate(values.validFrom)!,
      validTo: toIsoDate(values.validTo ?? null),
    };
    try {
      if (unit) {
        await update.mutateAsync({ id: unit.id, version: unit.version, ...common });
        message.success(t('unit.updated'));
        onClose();
      } else {
        const result = await create.mutateAsync({
          ...common,
          code: values.code!,
          parentId: values.parentId ?? null,
          applyDefaults: values.applyDefaults ?? true,
        });
        message.success(t('unit.created'));
        onClose();
        navigate(`/units/${result.createUnit.id}`);
      }
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };

  return (
    <Modal
      open={open}
      title={unit ? t('unit.edit') : t('unit.create')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <FailureAlert error={failure} onReload={onReload} onClose={onClose} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} name="unit-form" scrollToFirstError>
        {!unit && (
          <Form.Item name="code" label={t('unit.code')} rules={codeRules(t)}>
            <Input maxLength={LIMITS.codeMaxLength + 10} placeholder="xa-moi" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('unit.name')} rules={nameRules(t)}>
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label={t('unit.shortName')} rules={nameRules(t, { required: false, max: LIMITS.shortNameMaxLength })}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={Object.values(UnitKind).map((k) => ({ value: k, label: label(UNIT_KIND_LABELS, k) }))} />
        </Form.Item>
        {kind === UnitKind.PROVINCE_AGENCY && (
          <Form.Item name="branch" label={t('unit.branch')}>
            <Select allowClear options={Object.values(AgencyBranch).map((b) => ({ value: b, label: label(AGENCY_BRANCH_LABELS, b) }))} />
          </Form.Item>
        )}
        {!unit && COMMUNE_LEVEL_KINDS.includes(kind) && (
          <Form.Item name="applyDefaults" valuePropName="checked">
            <Checkbox>{t('unit.applyDefaults')}</Checkbox>
          </Form.Item>
        )}
        {!unit && (
          <Form.Item name="parentId" label={t('unit.parent')}>
            <Select
              allowClear
              loading={provinces.isLoading}
              options={provinces.data?.units.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? []}
            />
          </Form.Item>
        )}
        <Form.Item name="validFrom" label={t('unit.validFrom')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('unit.validTo')}
          dependencies={['validFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator(_, value: Dayjs | null) {
                const from: Dayjs | undefined = getFieldValue('validFrom');
                if (!value || !from || value.isAfter(from, 'day')) return Promise.resolve();
                return Promise.reject(new Error(t('validation.periodOrder')));
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
