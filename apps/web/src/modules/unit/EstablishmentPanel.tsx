import { PlusOutlined } from '@ant-design/icons';
import { ESTABLISHMENT_ITEM_KIND_LABELS, EstablishmentItemKind, PERMISSIONS, RECORD_KIND_LABELS, RecordKind } from '@canbo/shared';
import { Button, Card, DatePicker, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { BodyFieldsFragment, EstablishmentRecordFieldsFragment } from '../../generated/graphql';
import { ErrorState } from '../../shared/errors';
import { DATE_FORMAT, formatNumber, formatPeriod, toIsoDate } from '../../shared/format';
import { EstablishmentEditModal, EditTarget } from './EstablishmentEditModal';
import { compareRecords, countsTowardsPosts, ITEM_KIND_ORDER, itemLabel } from './establishment-labels';
import { usePermissions } from '../auth/hooks';
import { useEstablishment } from './hooks';

/** The establishment of a unit on a chosen date (and, optionally, as it was recorded at a chosen time). */
export function EstablishmentPanel({ unit, bodies }: { unit: { id: string; validFrom: string }; bodies: BodyFieldsFragment[] }) {
  const { t, locale, label } = useLocale();
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const [asKnownAt, setAsKnownAt] = useState<Dayjs | null>(null);
  const [target, setTarget] = useState<EditTarget | null>(null);
  const canEdit = usePermissions().can(PERMISSIONS.ESTABLISHMENT_MANAGE);
  const asOfIso = toIsoDate(asOf)!;
  const query = useEstablishment(unit.id, asOfIso, asKnownAt ? asKnownAt.toISOString() : null);
  const records = query.data?.establishment ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Text strong>{t('establishment.asOf')}</Typography.Text>
        <DatePicker
          data-testid="establishment-as-of"
          format={DATE_FORMAT}
          value={asOf}
          allowClear={false}
          onChange={(value) => value && setAsOf(value)}
        />
        <Typography.Text strong>{t('establishment.asKnownAt')}</Typography.Text>
        <DatePicker
          data-testid="establishment-as-known"
          showTime
          format={`${DATE_FORMAT} HH:mm:ss`}
          placeholder={t('establishment.asKnownNow')}
          value={asKnownAt}
          onChange={(value) => setAsKnownAt(value)}
        />
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'new', asOf: asOfIso })}>
            {t('establishment.add')}
          </Button>
        )}
      </Space>

      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !query.isLoading && records.length === 0 ? (
        <Empty description={t('establishment.empty')} />
      ) : (
        ITEM_KIND_ORDER.map((kind) => {
          const rows = records.filter((r) => r.itemKind === kind).sort(compareRecords);
          if (!rows.length && !query.isLoading) return null;
          const total = rows.filter(countsTowardsPosts).reduce((sum, r) => sum + r.value, 0);
          return (
            <Card
              key={kind}
              size="small"
              title={label(ESTABLISHMENT_ITEM_KIND_LABELS, kind)}
              extra={
                kind === EstablishmentItemKind.HEADCOUNT ? (
                  <Typography.Text>
                    {t('establishment.totalPosts')}: <strong data-testid="establishment-total">{formatNumber(total, locale)}</strong>
                  </Typography.Text>
                ) : null
              }
            >
              <Table<EstablishmentRecordFieldsFragment>
                rowKey="id"
                size="small"
                loading={query.isFetching}
                pagination={false}
                dataSource={rows}
                data-testid={`establishment-${kind}`}
                columns={[
                  { key: 'item', title: t('establishment.item'), render: (_, r) => itemLabel(r, label) },
                  {
                    key: 'value',
                    title: t('establishment.value'),
                    align: 'right',
                    render: (_, r) => <span data-testid="establishment-value">{formatNumber(r.value, locale)}</span>,
                  },
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
                  { key: 'reason', title: t('establishment.reason'), render: (_, r) => r.reason ?? '' },
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_, r) =>
                      asKnownAt || !canEdit ? null : (
                        <Space>
                          <Button size="small" onClick={() => setTarget({ mode: 'change', record: r, asOf: asOfIso })}>
                            {t('establishment.change')}
                          </Button>
                          <Button size="small" onClick={() => setTarget({ mode: 'correct', record: r, asOf: asOfIso })}>
                            {t('establishment.correct')}
                          </Button>
                        </Space>
                      ),
                  },
                ]}
              />
            </Card>
          );
        })
      )}
      <EstablishmentEditModal unitId={unit.id} bodies={bodies} target={target} onClose={() => setTarget(null)} />
    </Space>
  );
}
