import { PlusOutlined } from '@ant-design/icons';
import { PERSON_ENTRY_KIND_LABELS, PersonEntryKind } from '@canbo/shared';
import type { TableColumnsType } from 'antd';
import { Button, Card, Empty, Skeleton, Space, Table } from 'antd';
import { useLocale } from '../../app/i18n';
import type { PersonEntryFieldsFragment } from '../../generated/graphql';
import { ErrorState } from '../../shared/errors';
import { ENTRY_FIELDS, entryFieldLabelKey } from './entry-form';
import { usePersonFile, usePersonTimeline } from './hooks';
import { byRecordedDesc, HistoryCard, KindTag, useEntryText } from './person-file-display';
import type { EntryTarget } from './PersonEntryModal';

interface Props {
  personId: string;
  kinds: PersonEntryKind[];
  /** the day the page shows (the entries query shares the records' query) */
  asOf: string;
  asKnownAt: string | null;
  canWrite: boolean;
  onEdit: (target: EntryTarget) => void;
}

/**
 * One section of the personal file made of dated entries (training; ratings; commendations and discipline; family):
 * per kind, the entries of current knowledge (or as known then), with add and correct; then the recorded history.
 */
export function PersonEntriesSection({ personId, kinds, asOf, asKnownAt, canWrite, onEdit }: Props) {
  const { t, label } = useLocale();
  const file = usePersonFile(personId, asOf, asKnownAt);
  const text = useEntryText();
  const writable = canWrite && !asKnownAt;

  if (file.isLoading) return <Skeleton active />;
  if (file.isError) return <ErrorState error={file.error} onRetry={() => file.refetch()} />;
  const entries = file.data?.person.entries ?? [];

  const columns = (kind: PersonEntryKind): TableColumnsType<PersonEntryFieldsFragment> => [
    ...ENTRY_FIELDS[kind].map((f) => ({ key: f, title: t(entryFieldLabelKey(kind, f)), render: (_: unknown, e: PersonEntryFieldsFragment) => text.field(e, f) })),
    { key: 'kind', title: t('personRecord.recordKind'), render: (_, e) => <KindTag kind={e.recordKind} /> },
    { key: 'reason', title: t('personRecord.reason'), render: (_, e) => e.reason ?? '' },
    ...(writable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, e: PersonEntryFieldsFragment) => (
              <Button size="small" data-testid="entry-correct" onClick={() => onEdit({ mode: 'correct', entry: e })}>
                {t('personEntry.correct')}
              </Button>
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
          title={label(PERSON_ENTRY_KIND_LABELS, kind)}
          extra={
            writable ? (
              <Button size="small" icon={<PlusOutlined />} data-testid={`entry-add-${kind}`} onClick={() => onEdit({ mode: 'add', personId, kind })}>
                {t('personEntry.add')}
              </Button>
            ) : null
          }
        >
          <Table<PersonEntryFieldsFragment>
            rowKey="id"
            size="small"
            data-testid={`entries-${kind}`}
            loading={file.isFetching}
            pagination={false}
            dataSource={entries.filter((e) => e.kind === kind)}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('personEntry.empty')} /> }}
            columns={columns(kind)}
          />
        </Card>
      ))}
      <EntryHistory personId={personId} kinds={kinds} />
    </Space>
  );
}

/** Every entry of the section's kinds, corrected ones included (greyed), newest recorded first. */
function EntryHistory({ personId, kinds }: { personId: string; kinds: PersonEntryKind[] }) {
  const { t, label } = useLocale();
  const timeline = usePersonTimeline(personId);
  const text = useEntryText();
  return (
    <HistoryCard<PersonEntryFieldsFragment>
      title={t('personEntry.history')}
      hint={t('personEntry.historyHint')}
      testId={`entries-history-${kinds[0]}`}
      rows={(timeline.data?.personTimeline.entries ?? []).filter((e) => kinds.includes(e.kind)).sort(byRecordedDesc)}
      loading={timeline.isLoading}
      error={timeline.isError ? timeline.error : null}
      onRetry={() => timeline.refetch()}
      summary={text.summary}
      kindLabel={kinds.length > 1 ? (e) => label(PERSON_ENTRY_KIND_LABELS, e.kind) : undefined}
    />
  );
}
