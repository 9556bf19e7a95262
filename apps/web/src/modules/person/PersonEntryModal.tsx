import {
  ANNUAL_RATING_LABELS,
  AnnualRating,
  FAMILY_RELATION_LABELS,
  FamilyRelation,
  LIMITS,
  PERSON_ENTRY_KIND_LABELS,
  PersonEntryKind,
  TRAINING_KIND_LABELS,
  TrainingKind,
} from '@canbo/shared';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { PersonEntryFieldsFragment } from '../../generated/graphql';
import { applyFieldErrors, FailureAlert } from '../../shared/errors';
import { DATE_FORMAT, todayIsoDate, toIsoDate } from '../../shared/format';
import { reasonRules } from '../../shared/rules';
import {
  ENTRY_FIELDS,
  ENTRY_TEXT_MAX,
  EntryContentValues,
  entryContentInput,
  entryContentValues,
  EntryField,
  entryFieldLabelKey,
  entryFieldRules,
  sameEntryContent,
} from './entry-form';
import { useAddPersonEntry, useCorrectPersonEntry } from './hooks';
import { useEntryText } from './person-file-display';

export type EntryTarget = { mode: 'add'; personId: string; kind: PersonEntryKind } | { mode: 'correct'; entry: PersonEntryFieldsFragment };

type FormValues = Omit<EntryContentValues, 'dateFrom' | 'dateTo'> & { dateFrom?: Dayjs | null; dateTo?: Dayjs | null; reason?: string };

/** The form's values as the pure rules take them (dates as ISO strings). */
function contentOf(values: FormValues): EntryContentValues {
  return { ...values, dateFrom: toIsoDate(values.dateFrom ?? null), dateTo: toIsoDate(values.dateTo ?? null) };
}

/** Adds a dated entry (training, rating, commendation, discipline, family), or corrects one (reason, confirmation). */
export function PersonEntryModal({ target, onClose, onReload }: { target: EntryTarget | null; onClose: () => void; onReload: () => void }) {
  const { t, locale, label } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const add = useAddPersonEntry();
  const correct = useCorrectPersonEntry();
  const text = useEntryText();
  const [failure, setFailure] = useState<unknown>(null);
  const entry = target?.mode === 'correct' ? target.entry : null;
  const kind = target ? (target.mode === 'add' ? target.kind : target.entry.kind) : null;

  useLayoutEffect(() => {
    if (!target || !kind) return;
    setFailure(null);
    form.resetFields();
    const base: EntryContentValues =
      target.mode === 'correct' ? entryContentValues(target.entry) : Object.fromEntries(ENTRY_FIELDS[kind].map((f) => [f, null]));
    const date = (v: unknown) => (v ? dayjs(String(v)) : null);
    form.setFieldsValue({ ...base, dateFrom: date(base.dateFrom), dateTo: date(base.dateTo), reason: '' } as FormValues);
  }, [target, kind, form]);

  const save = async (values: FormValues) => {
    if (!target || !kind) return;
    setFailure(null);
    try {
      const content = entryContentInput(kind, contentOf(values));
      if (target.mode === 'add') {
        await add.mutateAsync({ personId: target.personId, kind, ...content });
        message.success(t('personEntry.added'));
      } else {
        await correct.mutateAsync({ entryId: target.entry.id, version: target.entry.version, ...content, reason: values.reason?.trim() ?? '' });
        message.success(t('person.corrected'));
      }
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };

  const submit = (values: FormValues) => {
    if (target?.mode === 'correct') {
      if (sameEntryContent(target.entry, contentOf(values))) {
        message.info(t('person.nothingChanged'));
        return;
      }
      modal.confirm({
        title: t('personEntry.correctTitle', { kind: label(PERSON_ENTRY_KIND_LABELS, kind) }),
        content: t('personEntry.confirmCorrect'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => save(values),
      });
    } else {
      void save(values);
    }
  };

  const kindLabel = label(PERSON_ENTRY_KIND_LABELS, kind);
  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'correct' ? t('personEntry.correctTitle', { kind: kindLabel }) : t('personEntry.addTitle', { kind: kindLabel })}
      width={760}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending || correct.isPending}
      onOk={() => form.submit()}
      forceRender
    >
      {entry && (
        <Typography.Paragraph type="secondary">
          <strong>{t('personEntry.entrySeen')}:</strong> {text.summary(entry)}
          <br />
          {t('personEntry.correctHint')}
        </Typography.Paragraph>
      )}
      <FailureAlert error={failure} onReload={onReload} onClose={onClose} />
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} name="person-entry">
        {kind && <EntryContentFields kind={kind} />}
        {target?.mode === 'correct' && (
          <Form.Item name="reason" label={t('personRecord.reason')} rules={reasonRules(t, true)}>
            <Input.TextArea rows={2} maxLength={LIMITS.reasonMaxLength} data-testid="entry-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The fields of an entry kind, with the rules the server applies to them. */
function EntryContentFields({ kind }: { kind: PersonEntryKind }) {
  const { t, label } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const today = todayIsoDate();

  const input = (f: EntryField) => {
    const testId = `entry-${f}`;
    switch (f) {
      case 'dateFrom':
      case 'dateTo':
        return <DatePicker data-testid={testId} format={DATE_FORMAT} style={{ width: '100%' }} />;
      case 'year':
        return <InputNumber data-testid={testId} precision={0} style={{ width: '100%' }} />;
      case 'trainingKind':
        return <Select data-testid={testId} options={Object.values(TrainingKind).map((k) => ({ value: k, label: label(TRAINING_KIND_LABELS, k) }))} />;
      case 'rating':
        return <Select data-testid={testId} options={Object.values(AnnualRating).map((k) => ({ value: k, label: label(ANNUAL_RATING_LABELS, k) }))} />;
      case 'relation':
        return <Select data-testid={testId} options={Object.values(FamilyRelation).map((k) => ({ value: k, label: label(FAMILY_RELATION_LABELS, k) }))} />;
      case 'text':
        return <Input.TextArea data-testid={testId} rows={2} maxLength={ENTRY_TEXT_MAX.text} />;
      default:
        return <Input data-testid={testId} maxLength={ENTRY_TEXT_MAX[f]} />;
    }
  };

  const wide = new Set<EntryField>(['course', 'occupation', 'residence', 'text']);
  return (
    <Row gutter={16}>
      {ENTRY_FIELDS[kind].map((f) => (
        <Col key={f} xs={24} md={wide.has(f) ? 24 : 12}>
          <Form.Item name={f} label={t(entryFieldLabelKey(kind, f))} rules={entryFieldRules(t, kind, f, today, () => toIsoDate(form.getFieldValue('dateFrom') ?? null))} dependencies={f === 'dateTo' ? ['dateFrom'] : undefined}>
            {input(f)}
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
