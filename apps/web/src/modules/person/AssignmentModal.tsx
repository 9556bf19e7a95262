import { LIMITS, STAFF_CATEGORY_LABELS } from '@canbo/shared';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { PersonAssignmentFieldsFragment } from '../../generated/graphql';
import { applyFieldErrors, FailureAlert } from '../../shared/errors';
import { DATE_FORMAT, formatDate, formatPeriod, toIsoDate } from '../../shared/format';
import { reasonRules } from '../../shared/rules';
import { useChangePersonAssignment, useCorrectPersonAssignment } from './hooks';
import { AssignmentFields, AssignmentValues, cleanText, useUnitName } from './person-form';

export type AssignmentTarget =
  | { mode: 'change'; personId: string; current: PersonAssignmentFieldsFragment[]; from: string }
  | { mode: 'correct'; record: PersonAssignmentFieldsFragment };

type Values = AssignmentValues & { effectiveFrom?: Dayjs; reason?: string };

/** The current record in force on a date (what the user saw there), as the API's planner finds it. */
export function recordOn(records: PersonAssignmentFieldsFragment[], iso: string): PersonAssignmentFieldsFragment | null {
  return records.find((r) => !r.supersededAt && r.validFrom <= iso && (r.validTo === null || r.validTo > iso)) ?? null;
}

/** A change of assignment from a date (a real change), or the correction of a mistaken record (same period). */
export function AssignmentModal({ target, onClose, onReload }: { target: AssignmentTarget | null; onClose: () => void; onReload: () => void }) {
  const { t, locale, label } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePersonAssignment();
  const correct = useCorrectPersonAssignment();
  const unitName = useUnitName();
  const [failure, setFailure] = useState<unknown>(null);
  const effectiveFrom = Form.useWatch('effectiveFrom', form) as Dayjs | undefined;

  useLayoutEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    const base = target.mode === 'correct' ? target.record : recordOn(target.current, target.from);
    form.setFieldsValue({
      unitId: base?.unitId,
      bodyId: base?.bodyId ?? null,
      staffCategory: base?.staffCategory,
      jobPosition: base?.jobPosition,
      effectiveFrom: target.mode === 'change' ? dayjs(target.from) : undefined,
    });
  }, [target, form]);

  const base = target?.mode === 'change' && effectiveFrom ? recordOn(target.current, toIsoDate(effectiveFrom)!) : null;

  const save = async (values: Values) => {
    if (!target) return;
    setFailure(null);
    try {
      if (target.mode === 'correct') {
        await correct.mutateAsync({
          recordId: target.record.id,
          version: target.record.version,
          unitId: values.unitId,
          bodyId: values.bodyId ?? null,
          staffCategory: values.staffCategory,
          jobPosition: cleanText(values.jobPosition) ?? '',
          reason: values.reason?.trim() ?? '',
        });
        message.success(t('person.corrected'));
      } else {
        const from = toIsoDate(values.effectiveFrom)!;
        const seen = recordOn(target.current, from);
        await change.mutateAsync({
          personId: target.personId,
          unitId: values.unitId,
          bodyId: values.bodyId ?? null,
          staffCategory: values.staffCategory,
          jobPosition: cleanText(values.jobPosition) ?? '',
          effectiveFrom: from,
          reason: values.reason?.trim() || null,
          baseRecordId: seen?.id ?? null,
          baseVersion: seen?.version ?? null,
        });
        message.success(t('person.changed'));
      }
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };

  const submit = (values: Values) => {
    if (target?.mode === 'correct') {
      modal.confirm({
        title: t('person.correctAssignmentTitle'),
        content: t('person.confirmCorrectAssignment'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => save(values),
      });
    } else {
      void save(values);
    }
  };

  const describe = (r: PersonAssignmentFieldsFragment) =>
    `${unitName(r.unitId)} · ${label(STAFF_CATEGORY_LABELS, r.staffCategory)} · ${r.jobPosition} (${formatPeriod(r.validFrom, r.validTo, t('person.open'))})`;
  const shown = target?.mode === 'correct' ? target.record : base;

  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'correct' ? t('person.correctAssignmentTitle') : t('person.changeAssignmentTitle')}
      width={760}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending || correct.isPending}
      onOk={() => form.submit()}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {shown ? (
          <>
            <strong>{t('person.recordSeen')}:</strong> {describe(shown)}
            <br />
          </>
        ) : null}
        {target?.mode === 'correct' ? t('person.correctAssignmentHint') : t('person.changeAssignmentHint')}
      </Typography.Paragraph>
      <FailureAlert error={failure} onReload={onReload} onClose={onClose} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} name="person-assignment">
        {target?.mode === 'change' && (
          <Form.Item name="effectiveFrom" label={t('person.effectiveFrom')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker data-testid="assignment-effective-from" format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <AssignmentFields form={form} />
        <Form.Item name="reason" label={t('person.reason')} rules={reasonRules(t, target?.mode === 'correct')}>
          <Input.TextArea rows={2} maxLength={LIMITS.reasonMaxLength} data-testid="assignment-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
