import { GENDER_LABELS, Gender, PERSON_STATUS_LABELS, PersonStatus, RECORD_KIND_LABELS, RecordKind, STAFF_CATEGORY_LABELS } from '@canbo/shared';
import { Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../../app/i18n';
import type { PersonAssignmentFieldsFragment, PersonTimelineQuery } from '../../generated/graphql';
import { ErrorState } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { usePersonTimeline } from './hooks';
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

export function KindTag({ kind }: { kind: RecordKind }) {
  const { label } = useLocale();
  return (
    <Tag color={kind === RecordKind.CORRECTION ? 'orange' : 'blue'} data-testid="record-kind">
      {label(RECORD_KIND_LABELS, kind)}
    </Tag>
  );
}

/**
 * The career timeline: every assignment record and identity revision, newest recorded first. Real changes and
 * corrections are tagged apart; superseded records stay, greyed.
 */
export function PersonTimelinePanel({ personId, extra }: { personId: string; extra?: (r: PersonAssignmentFieldsFragment) => ReactNode }) {
  const { t, label } = useLocale();
  const query = usePersonTimeline(personId);
  const unitName = useUnitName();
  if (query.isLoading) return <Skeleton active />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { assignments, revisions } = query.data!.personTimeline;

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

  type Entry = { key: string; at: string; superseded: boolean; kind: RecordKind; node: ReactNode };
  const entries: Entry[] = [
    ...assignments.map<Entry>((a) => ({
      key: `a-${a.id}`,
      at: a.recordedAt,
      superseded: Boolean(a.supersededAt),
      kind: a.recordKind,
      node: (
        <Space orientation="vertical" size={2}>
          <Space wrap size={4}>
            <KindTag kind={a.recordKind} />
            <Typography.Text strong>{t('person.timelineAssignment')}</Typography.Text>
            <Typography.Text>
              {formatDate(a.validFrom)} – {a.validTo ? formatDate(a.validTo) : t('person.open')}
            </Typography.Text>
            {a.supersededAt ? (
              <Tag>{`${t('person.superseded')} ${formatDateTime(a.supersededAt)}`}</Tag>
            ) : (
              <Tag color="success">{t('person.current')}</Tag>
            )}
          </Space>
          <Typography.Text delete={Boolean(a.supersededAt)}>
            {unitName(a.unitId)}
            {a.bodyId ? ' · ' : ''}
            <BodyName unitId={a.unitId} bodyId={a.bodyId} /> · {label(STAFF_CATEGORY_LABELS, a.staffCategory)} · {a.jobPosition}
            {a.secondedToUnitId ? ` · ${t('person.secondedTo')} ${unitName(a.secondedToUnitId)}` : ''}
          </Typography.Text>
          {a.reason ? <Typography.Text type="secondary">{`${t('person.reason')}: ${a.reason}`}</Typography.Text> : null}
          <Typography.Text type="secondary">{`${t('person.recordedAt')} ${formatDateTime(a.recordedAt)}`}</Typography.Text>
          {extra && !a.supersededAt ? extra(a) : null}
        </Space>
      ),
    })),
    ...revisions.map<Entry>((r, i) => {
      const changes = changesOf(r, i);
      return {
        key: `r-${r.id}`,
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
  ].sort((a, b) => (a.at === b.at ? a.key.localeCompare(b.key) : b.at.localeCompare(a.at)));

  if (!entries.length) return <Empty description={t('person.timelineEmpty')} />;
  return (
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
  );
}

