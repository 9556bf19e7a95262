import {
  COMMITTEE_KIND_LABELS,
  CommitteeKind,
  ESTABLISHMENT_ITEM_KIND_LABELS,
  EstablishmentItemKind,
  LIMITS,
  PROFESSIONAL_FIELD_LABELS,
  ProfessionalField,
  STAFF_CATEGORY_LABELS,
  StaffCategory,
} from '@canbo/shared';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { BodyFieldsFragment, EstablishmentRecordFieldsFragment } from '../../generated/graphql';
import { applyFieldErrors, FailureAlert } from '../../shared/errors';
import { DATE_FORMAT, formatDate, formatNumber, toIsoDate } from '../../shared/format';
import { countRules, reasonRules } from '../../shared/rules';
import { useTitleOptions } from '../title';
import { itemLabel } from './establishment-labels';
import { useChangeEstablishment, useCorrectEstablishment } from './hooks';

export type EditTarget =
  | { mode: 'change' | 'correct'; record: EstablishmentRecordFieldsFragment; asOf: string }
  | { mode: 'new'; asOf: string };

interface Values {
  itemKind?: EstablishmentItemKind;
  staffCategory?: StaffCategory;
  committee?: CommitteeKind;
  term?: string;
  titleId?: string;
  field?: ProfessionalField;
  bodyId?: string | null;
  value: number;
  effectiveFrom?: Dayjs;
  reason?: string;
}

/** Records a change from a date, a correction of a mistaken value, or a new establishment item. */
export function EstablishmentEditModal({
  unitId,
  bodies,
  target,
  onClose,
}: {
  unitId: string;
  bodies: BodyFieldsFragment[];
  target: EditTarget | null;
  onClose: () => void;
}) {
  const { t, locale, label } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangeEstablishment();
  const correct = useCorrectEstablishment();
  const titles = useTitleOptions();
  const [failure, setFailure] = useState<unknown>(null);
  const itemKind = Form.useWatch('itemKind', form);
  const open = target !== null;
  const record = target && target.mode !== 'new' ? target.record : null;

  useLayoutEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    if (target.mode === 'new') {
      form.setFieldsValue({ itemKind: EstablishmentItemKind.SPECIALISTS, effectiveFrom: dayjs(target.asOf), term: '2025-2030' });
    } else {
      const from = dayjs(target.asOf).isAfter(dayjs(target.record.validFrom)) ? dayjs(target.asOf) : dayjs(target.record.validFrom);
      form.setFieldsValue({ value: target.record.value, effectiveFrom: from });
    }
  }, [target, form]);

  const save = async (values: Values) => {
    setFailure(null);
    try {
      if (target?.mode === 'correct' && record) {
        await correct.mutateAsync({ recordId: record.id, version: record.version, value: values.value, reason: values.reason ?? '' });
        message.success(t('establishment.corrected'));
      } else if (target?.mode === 'change' && record) {
        await change.mutateAsync({
          unitId,
          bodyId: record.bodyId,
          itemKind: record.itemKind,
          staffCategory: record.staffCategory,
          committee: record.committee,
          term: record.term,
          titleId: record.titleId,
          field: record.field,
          value: values.value,
          effectiveFrom: toIsoDate(values.effectiveFrom)!,
          reason: values.reason?.trim() || null,
          baseRecordId: record.id,
          baseVersion: record.version,
        });
        message.success(t('establishment.saved'));
      } else {
        await change.mutateAsync({
          unitId,
          bodyId: values.bodyId ?? null,
          itemKind: values.itemKind!,
          staffCategory: values.itemKind === EstablishmentItemKind.HEADCOUNT ? values.staffCategory : null,
          committee: values.itemKind === EstablishmentItemKind.COMMITTEE_SEATS ? values.committee : null,
          term: values.itemKind === EstablishmentItemKind.COMMITTEE_SEATS ? values.term : null,
          titleId: values.itemKind === EstablishmentItemKind.TITLE_SEATS ? values.titleId : null,
          field: values.itemKind === EstablishmentItemKind.SPECIALISTS ? values.field : null,
          value: values.value,
          effectiveFrom: toIsoDate(values.effectiveFrom)!,
          reason: values.reason?.trim() || null,
          baseRecordId: null,
        });
        message.success(t('establishment.saved'));
      }
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };

  const submit = (values: Values) => {
    if (target?.mode === 'correct') {
      modal.confirm({
        title: t('establishment.correctTitle'),
        content: t('establishment.confirmCorrect'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => save(values),
      });
    } else {
      void save(values);
    }
  };

  const title =
    target?.mode === 'correct' ? t('establishment.correctTitle') : target?.mode === 'change' ? t('establishment.changeTitle') : t('establishment.add');
  const inPeriod = (d: Dayjs) => {
    if (!record) return false;
    const iso = d.format('YYYY-MM-DD');
    return iso < record.validFrom || (record.validTo !== null && iso >= record.validTo);
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending || correct.isPending}
      forceRender
    >
      {record && (
        <Typography.Paragraph type="secondary">
          <strong>{itemLabel(record, label)}</strong>: {formatNumber(record.value, locale)} ({formatDate(record.validFrom)} –{' '}
          {record.validTo ? formatDate(record.validTo) : t('establishment.open')})
          <br />
          {target?.mode === 'correct' ? t('establishment.correctHint') : t('establishment.changeHint')}
        </Typography.Paragraph>
      )}
      <FailureAlert error={failure} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} name="establishment-form">
        {target?.mode === 'new' && (
          <>
            <Form.Item name="itemKind" label={t('establishment.itemKind')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select
                options={Object.values(EstablishmentItemKind).map((k) => ({ value: k, label: label(ESTABLISHMENT_ITEM_KIND_LABELS, k) }))}
              />
            </Form.Item>
            {itemKind === EstablishmentItemKind.HEADCOUNT && (
              <Form.Item name="staffCategory" label={t('establishment.staffCategory')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select options={Object.values(StaffCategory).map((k) => ({ value: k, label: label(STAFF_CATEGORY_LABELS, k) }))} />
              </Form.Item>
            )}
            {itemKind === EstablishmentItemKind.COMMITTEE_SEATS && (
              <>
                <Form.Item name="committee" label={t('establishment.committee')} rules={[{ required: true, message: t('validation.required') }]}>
                  <Select options={Object.values(CommitteeKind).map((k) => ({ value: k, label: label(COMMITTEE_KIND_LABELS, k) }))} />
                </Form.Item>
                <Form.Item
                  name="term"
                  label={t('establishment.term')}
                  rules={[
                    { required: true, message: t('validation.required') },
                    { pattern: LIMITS.termPattern, message: t('validation.term') },
                  ]}
                >
                  <Input placeholder="2025-2030" />
                </Form.Item>
              </>
            )}
            {itemKind === EstablishmentItemKind.TITLE_SEATS && (
              <Form.Item name="titleId" label={t('establishment.title')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={titles.isLoading}
                  options={titles.data?.titles.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? []}
                />
              </Form.Item>
            )}
            {itemKind === EstablishmentItemKind.SPECIALISTS && (
              <Form.Item name="field" label={t('establishment.field')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select options={Object.values(ProfessionalField).map((k) => ({ value: k, label: label(PROFESSIONAL_FIELD_LABELS, k) }))} />
              </Form.Item>
            )}
            <Form.Item name="bodyId" label={t('establishment.body')}>
              <Select allowClear options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="value" label={t('establishment.value')} rules={countRules(t)}>
          <InputNumber data-testid="establishment-value-input" style={{ width: "100%" }} />
        </Form.Item>
        {target?.mode !== 'correct' && (
          <Form.Item name="effectiveFrom" label={t('establishment.effectiveFrom')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker
              data-testid="establishment-effective-from"
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={record ? inPeriod : undefined}
            />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('establishment.reason')} rules={reasonRules(t, target?.mode === 'correct')}>
          <Input.TextArea rows={2} maxLength={LIMITS.reasonMaxLength} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
