import {
  GENDER_LABELS,
  Gender,
  PERSON_RECORD_KIND_LABELS,
  PERSON_STATUS_LABELS,
  PersonRecordKind,
  PersonStatus,
  RecordKind,
  STAFF_CATEGORY_LABELS,
} from '@canbo/shared';
import { Empty, Segmented, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocale } from '../../app/i18n';
import type { PersonAssignmentFieldsFragment, PersonTimelineQuery } from '../../generated/graphql';
import { ErrorState } from '../../shared/errors';
import { formatDate, formatDateTime, formatPeriod } from '../../shared/format';
import { usePersonTimeline } from './hooks';
import { KindTag, StateTag, useRecordText } from './person-file-display';
import { BodyName, ethnicName, useUnitName } from './person-form';

type Revision = PersonTimelineQuery['personTimeline']['revisions'][number];

/** Identity fields a revision may change, in the order the profile shows them. */
const REVISION_FIELDS = [
  'fullName',
  'otherNames',
  'gender',
  'birthDate',
  'nationalId',
  'birthPlace',
  'hometown',
  'permanentResidence',
  'currentResidence',
  'ethnicityCode',
  'religion',
  'healthStatus',
  'phone',
  'email',
  'status',
  'startedWorkOn',
  'enteredCivilServiceOn',
  'partyJoinedOn',
  'partyConfirmedOn',
  'partyCardNumber',
] as const;
const DATE_FIELDS = new Set(['birthDate', 'startedWorkOn', 'enteredCivilServiceOn', 'partyJoinedOn', 'partyConfirmedOn']);

/** The records of the file that are steps of a career, shown in the timeline beside the assignments. */
const CAREER_RECORD_KINDS = new Set<string>([PersonRecordKind.TITLE, PersonRecordKind.COMMITTEE, PersonRecordKind.CIVIL_SERVICE_RANK]);

type TimelineOrder = 'effective' | 'recorded';

/** One dated record of the timeline (an assignment, a title...): its kind, period, state, content, reason, when recorded. */
function PeriodItem(props: {
  item: { recordKind: RecordKind; validTo: string | null; supersededAt: string | null; reason: string | null; recordedAt: string };
  title: string;
  period: string;
  children: ReactNode;
  /** actions below it (the correction of an assignment) */
  footer?: ReactNode;
}) {
  const { t } = useLocale();
  const { item } = props;
  return (
    <Space orientation="vertical" size={2}>
      <Space wrap size={4}>
        <KindTag kind={item.recordKind} />
        <Typography.Text strong>{props.title}</Typography.Text>
        <Typography.Text>{props.period}</Typography.Text>
        <StateTag supersededAt={item.supersededAt} validTo={item.validTo} />
      </Space>
      <Typography.Text delete={Boolean(item.supersededAt)}>{props.children}</Typography.Text>
      {item.reason ? <Typography.Text type="secondary">{`${t('person.reason')}: ${item.reason}`}</Typography.Text> : null}
      <Typography.Text type="secondary">{`${t('person.recordedAt')} ${formatDateTime(item.recordedAt)}`}</Typography.Text>
      {props.footer}
    </Space>
  );
}

/**
 * The career timeline: every assignment, title, committee membership and rank record, and every identity revision.
 * Ordered by the date each takes effect (the career as it unfolded; a revision by when it was recorded), or by
 * when each was recorded (what was written when). Real changes and corrections are tagged apart; superseded
 * records stay, greyed.
 */
export function PersonTimelinePanel({ personId, extra }: { personId: string; extra?: (r: PersonAssignmentFieldsFragment) => ReactNode }) {
  const { t, label } = useLocale();
  const query = usePersonTimeline(personId);
  const unitName = useUnitName();
  const recordText = useRecordText();
  const [order, setOrder] = useState<TimelineOrder>('effective');
  if (query.isLoading) return <Skeleton active />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { assignments, revisions } = query.data!.personTimeline;
  const records = query.data!.personTimeline.records.filter((r) => CAREER_RECORD_KINDS.has(r.kind));

  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (DATE_FIELDS.has(field)) return formatDate(String(value));
    if (field === 'gender') return label(GENDER_LABELS, value as Gender);
    if (field === 'status') return label(PERSON_STATUS_LABELS, value as PersonStatus);
    if (field === 'ethnicityCode') return ethnicName(String(value));
    return String(value);
  };
  // revisions come newest first: each is compared with the one recorded before it
  const changesOf = (r: Revision, i: number) => {
    const data = (r.data ?? {}) as Record<string, unknown>;
    const previous = revisions[i + 1] ? ((revisions[i + 1].data ?? {}) as Record<string, unknown>) : null;
    if (!previous) return null;
    return REVISION_FIELDS.filter((f) => JSON.stringify(data[f] ?? null) !== JSON.stringify(previous[f] ?? null))
      .map((f) => ({ field: f, before: show(f, previous[f]), after: show(f, data[f]) }));
  };

  /** `from`: the date it takes effect (a revision: the day it was recorded); `at`: when it was recorded */
  type Entry = { key: string; from: string; at: string; superseded: boolean; kind: RecordKind; node: ReactNode };
  const entries: Entry[] = [
    ...assignments.map<Entry>((a) => ({
      key: `a-${a.id}`,
      from: a.validFrom,
      at: a.recordedAt,
      superseded: Boolean(a.supersededAt),
      kind: a.recordKind,
      node: (
        <PeriodItem
          item={a}
          title={t('person.timelineAssignment')}
          period={formatPeriod(a.validFrom, a.validTo, t('person.open'))}
          footer={extra && !a.supersededAt ? extra(a) : null}
        >
          {unitName(a.unitId)}
          {a.bodyId ? ' · ' : ''}
          <BodyName unitId={a.unitId} bodyId={a.bodyId} /> · {label(STAFF_CATEGORY_LABELS, a.staffCategory)} · {a.jobPosition}
          {a.secondedToUnitId ? ` · ${t('person.secondedTo')} ${unitName(a.secondedToUnitId)}` : ''}
        </PeriodItem>
      ),
    })),
    ...records.map<Entry>((r) => ({
      key: `c-${r.id}`,
      from: r.validFrom,
      at: r.recordedAt,
      superseded: Boolean(r.supersededAt),
      kind: r.recordKind,
      node: (
        <PeriodItem item={r} title={label(PERSON_RECORD_KIND_LABELS, r.kind as PersonRecordKind)} period={recordText.period(r)}>
          {recordText.summary(r)}
        </PeriodItem>
      ),
    })),
    ...revisions.map<Entry>((r, i) => {
      const changes = changesOf(r, i);
      return {
        key: `r-${r.id}`,
        from: r.recordedAt.slice(0, 10),
        at: r.recordedAt,
        superseded: false,
        kind: r.recordKind,
        node: (
          <Space orientation="vertical" size={2}>
            <Space wrap size={4}>
              <KindTag kind={r.recordKind} />
              <Typography.Text strong>{changes ? t('person.timelineIdentity') : t('person.timelineCreated')}</Typography.Text>
            </Space>
            {changes === null ? (
              <Typography.Text>{String((r.data as Record<string, unknown>)?.fullName ?? '')}</Typography.Text>
            ) : changes.length === 0 ? (
              <Typography.Text type="secondary">{t('person.noVisibleChange')}</Typography.Text>
            ) : (
              changes.map((c) => (
                <Typography.Text key={c.field} data-testid="revision-change">
                  {`${t(`person.${c.field === 'ethnicityCode' ? 'ethnicity' : c.field}`)}: `}
                  <Typography.Text delete type="secondary">
                    {c.before}
                  </Typography.Text>
                  {' → '}
                  {c.after}
                </Typography.Text>
              ))
            )}
            {r.reason ? <Typography.Text type="secondary">{`${t('person.reason')}: ${r.reason}`}</Typography.Text> : null}
            <Typography.Text type="secondary">
              {`${t('person.recordedAt')} ${formatDateTime(r.recordedAt)}${r.actorName ? ` · ${r.actorName}` : ''}`}
            </Typography.Text>
          </Space>
        ),
      };
    }),
  ];
  // newest first; ties: the later write first (the new record of a change above the earlier part it shortened)
  const byRecorded = (a: Entry, b: Entry) => b.at.localeCompare(a.at) || b.from.localeCompare(a.from) || a.key.localeCompare(b.key);
  entries.sort(order === 'effective' ? (a, b) => b.from.localeCompare(a.from) || byRecorded(a, b) : byRecorded);

  if (!entries.length) return <Empty description={t('person.timelineEmpty')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Segmented<TimelineOrder>
        data-testid="timeline-order"
        value={order}
        onChange={setOrder}
        options={[
          { value: 'effective', label: t('person.timelineByEffective') },
          { value: 'recorded', label: t('person.timelineByRecorded') },
        ]}
      />
      <Timeline
      data-testid="person-timeline"
      items={entries.map((e) => ({
        key: e.key,
        color: e.superseded ? 'gray' : e.kind === RecordKind.CORRECTION ? 'orange' : 'blue',
        content: (
          <div data-testid="timeline-item" data-superseded={e.superseded ? 'true' : 'false'} style={e.superseded ? { opacity: 0.55 } : undefined}>
            {e.node}
          </div>
        ),
      }))}
      />
    </Space>
  );
}

