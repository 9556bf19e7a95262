import {
  COMMITTEE_KIND_LABELS,
  CommitteeKind,
  LIMITS,
  PERSON_RECORD_KIND_LABELS,
  POLITICAL_THEORY_LEVEL_LABELS,
  PersonRecordKind,
  PoliticalTheoryLevel,
  QUALIFICATION_LEVEL_LABELS,
  QualificationLevel,
} from '@canbo/shared';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { PersonRecordFieldsFragment } from '../../generated/graphql';
import { applyFieldErrors, FailureAlert } from '../../shared/errors';
import { DATE_FORMAT, formatDate } from '../../shared/format';
import { reasonRules } from '../../shared/rules';
import { useTitleOptions } from '../title';
import { useTitleSeats } from '../unit';
import { foldedFilter, useAddPersonRecord, useChangePersonRecord, useCorrectPersonRecord, useEndPersonRecord, useUnitOptions } from './hooks';
import { useRecordText } from './person-file-display';
import {
  defaultEffectiveFrom,
  effectiveFromProblem,
  endDateProblem,
  isoOf,
  periodProblem,
  problemRule,
  RECORD_FIELDS,
  RECORD_TEXT_MAX,
  RecordContentValues,
  recordContentInput,
  recordContentValues,
  RecordField,
  recordFieldRules,
  sameRecordContent,
} from './record-form';

export type RecordTarget =
  | { mode: 'add'; personId: string; kind: PersonRecordKind; from: string; unitId: string | null }
  | { mode: 'change' | 'end' | 'correct'; record: PersonRecordFieldsFragment; from: string };

type Values = RecordContentValues & { validFrom?: Dayjs | null; validTo?: Dayjs | null; effectiveFrom?: Dayjs | null; reason?: string };

/**
 * Adds a record (title, committee, qualification, level, rank), records a real change of one from a date, ends one
 * (confirmed first), or corrects a mistaken one (reason required, confirmed first).
 */
export function PersonRecordModal({ target, onClose, onReload }: { target: RecordTarget | null; onClose: () => void; onReload: () => void }) {
  const { t, locale, label } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddPersonRecord();
  const change = useChangePersonRecord();
  const end = useEndPersonRecord();
  const correct = useCorrectPersonRecord();
  const text = useRecordText();
  const [failure, setFailure] = useState<unknown>(null);
  const record = target && target.mode !== 'add' ? target.record : null;
  const kind = target ? (target.mode === 'add' ? target.kind : target.record.kind) : null;

  useLayoutEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    if (target.mode === 'add') {
      const empty = Object.fromEntries(RECORD_FIELDS[target.kind].map((f) => [f, null]));
      const unit = RECORD_FIELDS[target.kind].includes('unitId') ? { unitId: target.unitId } : {};
      form.setFieldsValue({ ...empty, ...unit, validFrom: dayjs(target.from), validTo: null, reason: '' });
    } else {
      const r = target.record;
      const effective = defaultEffectiveFrom(r, target.from);
      form.setFieldsValue({
        ...recordContentValues(r),
        validFrom: dayjs(r.validFrom),
        validTo: target.mode === 'end' ? null : r.validTo ? dayjs(r.validTo) : null,
        effectiveFrom: effective ? dayjs(effective) : null,
        reason: '',
      });
    }
  }, [target, form]);

  const save = async (values: Values) => {
    if (!target || !kind) return;
    setFailure(null);
    const reason = values.reason?.trim() || null;
    try {
      if (target.mode === 'add') {
        await add.mutateAsync({
          personId: target.personId,
          kind,
          ...recordContentInput(kind, values),
          validFrom: isoOf(values.validFrom)!,
          validTo: isoOf(values.validTo),
          reason,
        });
        message.success(t('personRecord.added'));
      } else if (target.mode === 'change') {
        await change.mutateAsync({
          recordId: target.record.id,
          version: target.record.version,
          effectiveFrom: isoOf(values.effectiveFrom)!,
          ...recordContentInput(kind, values),
          reason,
        });
        message.success(t('person.changed'));
      } else if (target.mode === 'end') {
        await end.mutateAsync({ recordId: target.record.id, version: target.record.version, validTo: isoOf(values.validTo)!, reason });
        message.success(t('personRecord.ended'));
      } else {
        await correct.mutateAsync({
          recordId: target.record.id,
          version: target.record.version,
          ...recordContentInput(kind, values),
          validFrom: isoOf(values.validFrom)!,
          validTo: isoOf(values.validTo),
          reason: reason ?? '',
        });
        message.success(t('person.corrected'));
      }
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };

  const submit = (values: Values) => {
    if (!target) return;
    if (target.mode === 'change' && sameRecordContent(target.record, values)) {
      message.info(t('person.nothingChanged'));
      return;
    }
    if (
      target.mode === 'correct' &&
      sameRecordContent(target.record, values) &&
      isoOf(values.validFrom) === target.record.validFrom &&
      isoOf(values.validTo) === target.record.validTo
    ) {
      message.info(t('person.nothingChanged'));
      return;
    }
    if (target.mode === 'end' || target.mode === 'correct') {
      modal.confirm({
        title: target.mode === 'end' ? t('personRecord.endTitle', { kind: label(PERSON_RECORD_KIND_LABELS, kind) }) : t('personRecord.correctTitle', { kind: label(PERSON_RECORD_KIND_LABELS, kind) }),
        content: target.mode === 'end' ? t('personRecord.confirmEnd', { date: formatDate(isoOf(values.validTo)) }) : t('personRecord.confirmCorrect'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => save(values),
      });
    } else {
      void save(values);
    }
  };

  const kindLabel = label(PERSON_RECORD_KIND_LABELS, kind);
  const title = target ? t(`personRecord.${target.mode}Title`, { kind: kindLabel }) : '';
  const hint = target ? t(`personRecord.${target.mode}Hint`) : '';

  return (
    <Modal
      open={target !== null}
      title={title}
      width={760}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending || change.isPending || end.isPending || correct.isPending}
      onOk={() => form.submit()}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {record ? (
          <>
            <strong>{t('personRecord.recordSeen')}:</strong> {text.summary(record)} ({text.period(record)})
            <br />
          </>
        ) : null}
        {hint}
      </Typography.Paragraph>
      <FailureAlert error={failure} onReload={onReload} onClose={onClose} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} name="person-record">
        {target?.mode === 'change' && (
          <Form.Item
            name="effectiveFrom"
            label={t('personRecord.effectiveFrom')}
            rules={[{ required: true, message: t('validation.required') }, problemRule<Dayjs | null>(t, (v) => effectiveFromProblem(record!, isoOf(v)))]}
          >
            {/* no disabledDate: antd would silently drop a typed date outside the range; the rule above names the problem */}
            <DatePicker data-testid="record-effective-from" format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind && target?.mode !== 'end' && <RecordContentFields kind={kind} />}
        {(target?.mode === 'add' || target?.mode === 'correct') && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="validFrom" label={t('personRecord.validFrom')} rules={[{ required: true, message: t('validation.required') }]}>
                <DatePicker data-testid="record-valid-from" format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="validTo"
                label={t('personRecord.validTo')}
                extra={t('personRecord.validToHint')}
                dependencies={['validFrom']}
                rules={[problemRule<Dayjs | null>(t, (v) => periodProblem(isoOf(form.getFieldValue('validFrom')), isoOf(v)))]}
              >
                <DatePicker data-testid="record-valid-to" format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {target?.mode === 'end' && (
          <Form.Item
            name="validTo"
            label={t('personRecord.endDate')}
            rules={[{ required: true, message: t('validation.required') }, problemRule<Dayjs | null>(t, (v) => endDateProblem(record!, isoOf(v)))]}
          >
            <DatePicker data-testid="record-end-date" format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('personRecord.reason')} rules={reasonRules(t, target?.mode === 'correct')}>
          <Input.TextArea rows={2} maxLength={LIMITS.reasonMaxLength} data-testid="record-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The content fields of a record kind, with the rules the server applies to them. */
function RecordContentFields({ kind }: { kind: PersonRecordKind }) {
  const { t, label } = useLocale();
  const titles = useTitleOptions();
  const units = useUnitOptions();
  // a title: those with seats in the chosen unit on the date the record takes effect (the server refuses others)
  const form = Form.useFormInstance();
  const unitId: string | undefined = Form.useWatch('unitId', form);
  const effectiveFrom: Dayjs | null | undefined = Form.useWatch('effectiveFrom', form);
  const validFrom: Dayjs | null | undefined = Form.useWatch('validFrom', form);
  const titleId: string | undefined = Form.useWatch('titleId', form);
  const seats = useTitleSeats(kind === PersonRecordKind.TITLE ? (unitId ?? null) : null, isoOf(effectiveFrom ?? validFrom) ?? null);
  const seated = seats.data && !seats.isError ? seats.data : null;
  const titleOptions = (titles.data?.titles.edges ?? [])
    .filter((e) => !seated || (seated.get(e.node.id) ?? 0) > 0 || e.node.id === titleId)
    .map((e) => ({ value: e.node.id, label: e.node.name }));

  const input = (f: RecordField) => {
    const testId = `record-${f}`;
    switch (f) {
      case 'titleId':
        return (
          <Select
            data-testid={testId}
            showSearch={{ filterOption: foldedFilter }}
            loading={titles.isLoading || seats.isFetching}
            options={titleOptions}
            notFoundContent={seated && !titleOptions.length ? t('personRecord.noSeatedTitles') : undefined}
          />
        );
      case 'unitId':
        return (
          <Select
            data-testid={testId}
            showSearch={{ filterOption: foldedFilter }}
            loading={units.isLoading}
            options={units.data?.map((u) => ({ value: u.id, label: u.name })) ?? []}
          />
        );
      case 'committee':
        return <Select data-testid={testId} options={Object.values(CommitteeKind).map((k) => ({ value: k, label: label(COMMITTEE_KIND_LABELS, k) }))} />;
      case 'qualificationLevel':
        return (
          <Select
            data-testid={testId}
            options={Object.values(QualificationLevel)
              .filter((l) => l !== QualificationLevel.NOT_RECORDED)
              .map((l) => ({ value: l, label: label(QUALIFICATION_LEVEL_LABELS, l) }))}
          />
        );
      case 'politicalTheoryLevel':
        return (
          <Select
            data-testid={testId}
            options={Object.values(PoliticalTheoryLevel).map((l) => ({ value: l, label: label(POLITICAL_THEORY_LEVEL_LABELS, l) }))}
          />
        );
      case 'year':
      case 'salaryStep':
        return <InputNumber data-testid={testId} precision={0} style={{ width: '100%' }} />;
      case 'term':
        return <Input data-testid={testId} placeholder="2025-2030" maxLength={9} />;
      default:
        return <Input data-testid={testId} maxLength={RECORD_TEXT_MAX[f]} />;
    }
  };

  return (
    <Row gutter={16}>
      {RECORD_FIELDS[kind].map((f) => (
        <Col key={f} xs={24} md={f === 'institution' || f === 'titleId' || f === 'rankName' ? 24 : 12}>
          <Form.Item
            name={f}
            label={t(`personRecord.fields.${f}`)}
            rules={recordFieldRules(t, kind, f)}
            extra={f === 'titleId' && seated ? t('personRecord.seatedTitlesHint') : undefined}
          >
            {input(f)}
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
