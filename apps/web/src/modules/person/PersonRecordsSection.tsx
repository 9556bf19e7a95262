import { PlusOutlined } from '@ant-design/icons';
import { PERSON_RECORD_KIND_LABELS, PersonRecordKind } from '@canbo/shared';
import type { TableColumnsType } from 'antd';
import { Button, Card, Empty, Skeleton, Space, Table } from 'antd';
import { useLocale } from '../../app/i18n';
import type { PersonRecordFieldsFragment } from '../../generated/graphql';
import { ErrorState } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { usePersonFile, usePersonTimeline } from './hooks';
import { byRecordedDesc, HistoryCard, KindTag, useRecordText } from './person-file-display';
import type { RecordTarget } from './PersonRecordModal';
import { RECORD_FIELDS } from './record-form';

interface Props {
  personId: string;
  /** the kinds of the section, each with its table */
  kinds: PersonRecordKind[];
  /** records in force on this day are listed */
  asOf: string;
  /** as the registry knew them then (read only), or current knowledge */
  asKnownAt: string | null;
  canWrite: boolean;
  /** the unit a new title or committee membership is proposed in */
  defaultUnitId: string | null;
  onEdit: (target: RecordTarget) => void;
}

/**
 * One section of the personal file made of bitemporal records (titles; committees; qualifications and levels;
 * rank and salary step): per kind, the records in force on the chosen day, with add / change from a date / end /
 * correct; then the recorded history, where corrections and superseded records are told apart from real changes.
 */
export function PersonRecordsSection({ personId, kinds, asOf, asKnownAt, canWrite, defaultUnitId, onEdit }: Props) {
  const { t, label } = useLocale();
  const file = usePersonFile(personId, asOf, asKnownAt);
  const text = useRecordText();
  const writable = canWrite && !asKnownAt;

  if (file.isLoading) return <Skeleton active />;
  if (file.isError) return <ErrorState error={file.error} onRetry={() => file.refetch()} />;
  const records = file.data?.person.records ?? [];

  const columns = (kind: PersonRecordKind): TableColumnsType<PersonRecordFieldsFragment> => [
    ...RECORD_FIELDS[kind].map((f) => ({ key: f, title: t(`personRecord.fields.${f}`), render: (_: unknown, r: PersonRecordFieldsFragment) => text.field(r, f) })),
    { key: 'period', title: t('personRecord.period'), render: (_, r) => <span data-testid="record-period">{text.period(r)}</span> },
    { key: 'kind', title: t('personRecord.recordKind'), render: (_, r) => <KindTag kind={r.recordKind} /> },
    { key: 'reason', title: t('personRecord.reason'), render: (_, r) => r.reason ?? '' },
    ...(writable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: PersonRecordFieldsFragment) => (
              <Space size={4} wrap>
                <Button size="small" data-testid="record-change" onClick={() => onEdit({ mode: 'change', record: r, from: asOf })}>
                  {t('personRecord.change')}
                </Button>
                <Button size="small" data-testid="record-end" onClick={() => onEdit({ mode: 'end', record: r, from: asOf })}>
                  {t('personRecord.end')}
                </Button>
                <Button size="small" data-testid="record-correct" onClick={() => onEdit({ mode: 'correct', record: r, from: asOf })}>
                  {t('personRecord.correct')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {kinds.map((kind) => (
        <Card
          key={kind}
          size="small"
          title={label(PERSON_RECORD_KIND_LABELS, kind)}
          extra={
            writable ? (
              <Button
                size="small"
                icon={<PlusOutlined />}
                data-testid={`record-add-${kind}`}
                onClick={() => onEdit({ mode: 'add', personId, kind, from: asOf, unitId: defaultUnitId })}
              >
                {t('personRecord.add')}
              </Button>
            ) : null
          }
        >
          <Table<PersonRecordFieldsFragment>
            rowKey="id"
            size="small"
            data-testid={`records-${kind}`}
            loading={file.isFetching}
            pagination={false}
            dataSource={records.filter((r) => r.kind === kind)}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('personRecord.empty', { date: formatDate(asOf) })} /> }}
            columns={columns(kind)}
          />
        </Card>
      ))}
      <RecordHistory personId={personId} kinds={kinds} />
    </Space>
  );
}

/** Every record of the section's kinds, superseded ones included (greyed), newest recorded first. */
function RecordHistory({ personId, kinds }: { personId: string; kinds: PersonRecordKind[] }) {
  const { t, label } = useLocale();
  const timeline = usePersonTimeline(personId);
  const text = useRecordText();
  return (
    <HistoryCard<PersonRecordFieldsFragment>
      title={t('personRecord.history')}
      hint={t('personRecord.historyHint')}
      testId={`records-history-${kinds[0]}`}
      rows={(timeline.data?.personTimeline.records ?? []).filter((r) => kinds.includes(r.kind)).sort(byRecordedDesc)}
      loading={timeline.isLoading}
      error={timeline.isError ? timeline.error : null}
      onRetry={() => timeline.refetch()}
      summary={text.summary}
      period={text.period}
      kindLabel={kinds.length > 1 ? (r) => label(PERSON_RECORD_KIND_LABELS, r.kind) : undefined}
    />
  );
}
