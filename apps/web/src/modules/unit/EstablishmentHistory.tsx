import { RECORD_KIND_LABELS, RecordKind } from '@canbo/shared';
import { Empty, Table, Tag } from 'antd';
import { useLocale } from '../../app/i18n';
import type { EstablishmentRecordFieldsFragment } from '../../generated/graphql';
import { ErrorState } from '../../shared/errors';
import { formatDateTime, formatNumber, formatPeriod } from '../../shared/format';
import { itemLabel } from './establishment-labels';
import { useEstablishmentHistory } from './hooks';

/** Every establishment record of a unit: changes, corrections and what they superseded. */
export function EstablishmentHistory({ unitId }: { unitId: string }) {
  const { t, locale, label } = useLocale();
  const query = useEstablishmentHistory(unitId);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Table<EstablishmentRecordFieldsFragment>
      rowKey="id"
      size="small"
      data-testid="establishment-history"
      loading={query.isLoading}
      dataSource={query.data?.establishmentHistory ?? []}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      locale={{ emptyText: <Empty description={t('establishment.historyEmpty')} /> }}
      rowClassName={(r) => (r.supersededAt ? 'superseded-row' : '')}
      columns={[
        { key: 'item', title: t('establishment.item'), render: (_, r) => itemLabel(r, label) },
        { key: 'value', title: t('establishment.value'), align: 'right', render: (_, r) => formatNumber(r.value, locale) },
        {
          key: 'period',
          title: t('establishment.period'),
          render: (_, r) => formatPeriod(r.validFrom, r.validTo, t('establishment.open')),
        },
        {
          key: 'kind',
          title: t('establishment.recordKind'),
          render: (_, r) => (
            <Tag color={r.recordKind === RecordKind.CORRECTION ? 'orange' : 'default'}>{label(RECORD_KIND_LABELS, r.recordKind)}</Tag>
          ),
        },
        { key: 'recorded', title: t('establishment.recordedAt'), render: (_, r) => formatDateTime(r.recordedAt) },
        {
          key: 'state',
          title: t('establishment.supersededAt'),
          render: (_, r) =>
            r.supersededAt ? (
              <Tag>{`${t('establishment.superseded')} ${formatDateTime(r.supersededAt)}`}</Tag>
            ) : (
              <Tag color="success">{t('establishment.current')}</Tag>
            ),
        },
        { key: 'reason', title: t('establishment.reason'), render: (_, r) => r.reason ?? '' },
      ]}
    />
  );
}
