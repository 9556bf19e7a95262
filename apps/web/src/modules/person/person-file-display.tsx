import {
  ANNUAL_RATING_LABELS,
  AnnualRating,
  COMMITTEE_KIND_LABELS,
  CommitteeKind,
  FAMILY_RELATION_LABELS,
  FamilyRelation,
  POLITICAL_THEORY_LEVEL_LABELS,
  PoliticalTheoryLevel,
  QUALIFICATION_LEVEL_LABELS,
  QualificationLevel,
  TRAINING_KIND_LABELS,
  TrainingKind,
  RECORD_KIND_LABELS,
  RecordKind,
} from '@canbo/shared';
import type { TableColumnsType } from 'antd';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useLocale } from '../../app/i18n';
import type { PersonEntryFieldsFragment, PersonRecordFieldsFragment } from '../../generated/graphql';
import { ErrorState } from '../../shared/errors';
import { formatDate, formatDateTime, formatPeriod, todayIsoDate } from '../../shared/format';
import { useTitleName } from '../title';
import { ENTRY_FIELDS, EntryField, entryContentValues } from './entry-form';
import { useUnitName } from './person-form';
import { RECORD_FIELDS, RecordField, recordContentValues } from './record-form';

/** A record's kind: a real change, or the correction of a mistake. */
export function KindTag({ kind }: { kind: RecordKind }) {
  const { label } = useLocale();
  return (
    <Tag color={kind === RecordKind.CORRECTION ? 'orange' : 'blue'} data-testid="record-kind">
      {label(RECORD_KIND_LABELS, kind)}
    </Tag>
  );
}

/** How the person-record tables and forms name a record's fields, its content and its period. */
export function useRecordText() {
  const { t, label } = useLocale();
  const unitName = useUnitName();
  const titleName = useTitleName();
  const field = (r: PersonRecordFieldsFragment, f: RecordField): string => {
    const v = recordContentValues(r)[f];
    if (v === null || v === undefined || v === '') return '';
    switch (f) {
      case 'titleId':
        return titleName(String(v)) ?? t('personRecord.unknownTitle');
      case 'unitId':
        return unitName(String(v));
      case 'committee':
        return label(COMMITTEE_KIND_LABELS, v as CommitteeKind);
      case 'qualificationLevel':
        return label(QUALIFICATION_LEVEL_LABELS, v as QualificationLevel);
      case 'politicalTheoryLevel':
        return label(POLITICAL_THEORY_LEVEL_LABELS, v as PoliticalTheoryLevel);
      default:
        return String(v);
    }
  };
  const summary = (r: PersonRecordFieldsFragment) =>
    RECORD_FIELDS[r.kind]
      .map((f) => field(r, f))
      .filter(Boolean)
      .join(' · ');
  const period = (r: Pick<PersonRecordFieldsFragment, 'validFrom' | 'validTo'>) =>
    formatPeriod(r.validFrom, r.validTo, t('personRecord.open'));
  return { field, summary, period };
}

/** How the dated-entry tables and forms name an entry's fields and content. */
export function useEntryText() {
  const { label } = useLocale();
  const field = (e: PersonEntryFieldsFragment, f: EntryField): string => {
    const v = entryContentValues(e)[f];
    if (v === null || v === undefined || v === '') return '';
    switch (f) {
      case 'dateFrom':
      case 'dateTo':
        return formatDate(String(v));
      case 'trainingKind':
        return label(TRAINING_KIND_LABELS, v as TrainingKind);
      case 'rating':
        return label(ANNUAL_RATING_LABELS, v as AnnualRating);
      case 'relation':
        return label(FAMILY_RELATION_LABELS, v as FamilyRelation);
      default:
        return String(v);
    }
  };
  const summary = (e: PersonEntryFieldsFragment) =>
    ENTRY_FIELDS[e.kind]
      .map((f) => field(e, f))
      .filter(Boolean)
      .join(' · ');
  return { field, summary };
}

/**
 * Whether a history row is still the registry's knowledge, or since when it no longer is; a record with a period
 * that still is says whether it is in force today or has ended (`validTo`; entries have none).
 */
export function StateTag({ supersededAt, validTo }: { supersededAt: string | null; validTo?: string | null }) {
  const { t } = useLocale();
  if (supersededAt) return <Tag data-testid="history-state">{`${t('personRecord.superseded')} ${formatDateTime(supersededAt)}`}</Tag>;
  if (validTo !== undefined) {
    return validTo && validTo <= todayIsoDate() ? (
      <Tag data-testid="history-state">{t('personRecord.periodEnded')}</Tag>
    ) : (
      <Tag color="success" data-testid="history-state">
        {t('personRecord.inForce')}
      </Tag>
    );
  }
  return (
    <Tag color="success" data-testid="history-state">
      {t('personRecord.current')}
    </Tag>
  );
}

/** History rows: superseded ones greyed and marked for tests, as in the career timeline. */
export function historyRow(r: { supersededAt: string | null }): HTMLAttributes<HTMLElement> {
  return {
    'data-testid': 'history-row',
    'data-superseded': r.supersededAt ? 'true' : 'false',
    style: r.supersededAt ? { opacity: 0.55 } : undefined,
  } as HTMLAttributes<HTMLElement>;
}

/** Newest recorded first; within one write, the later period first. */
export function byRecordedDesc<R extends { recordedAt: string; id: string; validFrom?: string }>(a: R, b: R): number {
  if (a.recordedAt !== b.recordedAt) return b.recordedAt.localeCompare(a.recordedAt);
  if (a.validFrom !== b.validFrom) return (b.validFrom ?? '').localeCompare(a.validFrom ?? '');
  return a.id.localeCompare(b.id);
}

/** A row of a history table: a record or entry, superseded ones included. */
export interface HistoryItem {
  id: string;
  recordedAt: string;
  supersededAt: string | null;
  recordKind: RecordKind;
  reason: string | null;
}

/**
 * The history of a section (records or entries): every row, superseded ones greyed, newest recorded first, telling
 * a real change from a correction. `kindLabel` adds a column when the section holds several kinds; `period` one for
 * records with a valid period.
 */
export function HistoryCard<T extends HistoryItem>(props: {
  title: string;
  hint: string;
  testId: string;
  rows: T[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  summary: (row: T) => string;
  kindLabel?: (row: T) => string;
  period?: (row: T) => string;
}) {
  const { t } = useLocale();
  const { kindLabel, period, summary } = props;
  const columns: TableColumnsType<T> = [
    ...(kindLabel ? [{ key: 'kind', title: t('personRecord.kind'), render: (_: unknown, r: T) => kindLabel(r) }] : []),
    { key: 'content', title: t('personRecord.content'), render: (_, r) => <span data-testid="history-content">{summary(r)}</span> },
    ...(period ? [{ key: 'period', title: t('personRecord.period'), render: (_: unknown, r: T) => <span data-testid="history-period">{period(r)}</span> }] : []),
    { key: 'recordKind', title: t('personRecord.recordKind'), render: (_, r) => <KindTag kind={r.recordKind} /> },
    {
      key: 'state',
      title: t('personRecord.state'),
      render: (_, r) => <StateTag supersededAt={r.supersededAt} validTo={'validTo' in r ? (r as { validTo: string | null }).validTo : undefined} />,
    },
    { key: 'recordedAt', title: t('personRecord.recordedAt'), render: (_, r) => formatDateTime(r.recordedAt) },
    { key: 'reason', title: t('personRecord.reason'), render: (_, r) => r.reason ?? '' },
  ];
  return (
    <Card size="small" title={props.title}>
      <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>
      {props.error ? (
        <ErrorState error={props.error} onRetry={props.onRetry} />
      ) : (
        <Table<T>
          rowKey="id"
          size="small"
          data-testid={props.testId}
          loading={props.loading}
          dataSource={props.rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('personRecord.historyEmpty')} /> }}
          onRow={historyRow}
          columns={columns}
        />
      )}
    </Card>
  );
}
