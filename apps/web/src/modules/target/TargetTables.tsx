import { Alert, Card, Empty, Segmented, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { HTMLAttributes, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import { ErrorState } from '../../shared/errors';
import { formatCount, formatPercentValue } from '../../shared/format';
import {
  definitionOf,
  formatPoints,
  HeatRow,
  HeatSort,
  heatRows,
  measureCode,
  measureName,
  RankedUnit,
  rankUnits,
  SortOrder,
  sortHeatRows,
  STATUSES,
  statusCounts,
  statusLabel,
  statusStyle,
  TARGET_KEYS,
  UnitTargets,
} from './target-helpers';
import { reportLink, StatusTag } from './target-ui';

interface UnitsProps {
  units: readonly UnitTargets[] | null;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  asOf: string;
  selectedUnitId: string | null;
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** The units ranked on one measure, worst first (or best first), with count/base and status. */
export function TargetRanking({
  units,
  loading,
  error,
  onRetry,
  asOf,
  selectedUnitId,
  targetId,
  onTarget,
  tolerance,
}: UnitsProps & { targetId: string | null; onTarget: (id: string) => void; tolerance: number }) {
  const { t, locale } = useLocale();
  const [order, setOrder] = useState<SortOrder>('ascend');
  const measure = targetId && TARGET_KEYS.includes(targetId as never) ? targetId : TARGET_KEYS[0];
  const rows = useMemo(() => rankUnits(units ?? [], measure, order), [units, measure, order]);
  const counts = useMemo(() => statusCounts(units ?? [], measure), [units, measure]);
  const minority = measure === 'COMMITTEE_MINORITY';
  const unitWord = definitionOf(measure)?.counts === 'units' ? t('targets.unitsWord') : t('targets.peopleWord');

  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  return (
    <Card size="small" data-testid="targets-ranking">
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <Typography.Text>{t('targets.rankOn')}</Typography.Text>
        <Select
          data-testid="targets-ranking-target"
          aria-label={t('targets.rankOn')}
          style={{ width: 460 }}
          value={measure}
          onChange={onTarget}
          options={TARGET_KEYS.map((k) => ({ value: k, label: `${measureCode(k)}. ${measureName(k, k, locale)}` }))}
        />
        <Segmented<SortOrder>
          data-testid="targets-ranking-order"
          value={order}
          onChange={setOrder}
          options={[
            { value: 'ascend', label: t('targets.worstFirst') },
            { value: 'descend', label: t('targets.bestFirst') },
          ]}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="targets-ranking-summary">
        {t('targets.rankingSummary', {
          total: formatCount(rows.length, locale),
          met: formatCount(counts.MET, locale),
          onTrack: formatCount(counts.ON_TRACK, locale),
          atRisk: formatCount(counts.AT_RISK, locale),
          noData: formatCount(counts.NO_DATA, locale),
        })}
        {minority ? ` ${t('targets.minorityHint', { tolerance: formatPoints(tolerance, locale) })}` : ''}
      </Typography.Paragraph>
      <Table<RankedUnit>
        rowKey="unitId"
        size="small"
        loading={loading && !units}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        data-testid="targets-ranking-table"
        locale={{ emptyText: <Empty description={t('targets.noUnits')} /> }}
        rowClassName={(r) => (r.unitId === selectedUnitId ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ 'data-testid': 'ranking-row', 'data-unit-id': r.unitId }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'rank', title: t('targets.rank'), width: 70, align: 'right', render: (_, r) => <span data-testid="ranking-rank">{r.rank ?? '—'}</span> },
          {
            key: 'unit',
            title: t('targets.unit'),
            render: (_, r) => (
              <Link to={reportLink(asOf, r.unitId)} data-testid="ranking-unit">
                {r.unitName}
              </Link>
            ),
          },
          ...(minority
            ? [
                {
                  key: 'committee',
                  title: t('targets.committeeShare'),
                  align: 'right' as const,
                  width: 150,
                  render: (_: unknown, r: RankedUnit) => <span data-testid="ranking-committee">{formatPercentValue(r.committeeMinorityShare, locale)}</span>,
                },
                {
                  key: 'population',
                  title: t('targets.populationShare'),
                  align: 'right' as const,
                  width: 150,
                  render: (_: unknown, r: RankedUnit) => <span data-testid="ranking-population">{formatPercentValue(r.populationMinorityShare, locale)}</span>,
                },
                {
                  key: 'difference',
                  title: t('targets.shareDifference'),
                  align: 'right' as const,
                  width: 130,
                  render: (_: unknown, r: RankedUnit) =>
                    r.committeeMinorityShare === null || r.populationMinorityShare === null
                      ? '—'
                      : formatPoints(Math.round(Math.abs(r.committeeMinorityShare - r.populationMinorityShare) * 10) / 10, locale),
                },
              ]
            : [
                {
                  key: 'count',
                  title: t('targets.countBase'),
                  align: 'right' as const,
                  width: 170,
                  render: (_: unknown, r: RankedUnit) => (
                    <span data-testid="ranking-count">
                      {formatCount(r.count, locale)}/{formatCount(r.base, locale)} {unitWord}
                    </span>
                  ),
                },
                {
                  key: 'value',
                  title: t('targets.value'),
                  align: 'right' as const,
                  width: 110,
                  render: (_: unknown, r: RankedUnit) => <span data-testid="ranking-value">{formatPercentValue(r.value, locale)}</span>,
                },
              ]),
          { key: 'status', title: t('targets.statusTitle'), width: 190, render: (_, r) => <StatusTag status={r.status} testId="ranking-status" /> },
        ]}
      />
    </Card>
  );
}

/** A legend of the statuses: colour, symbol and words. */
export function StatusLegend() {
  const { locale } = useLocale();
  return (
    <Space wrap size="middle" data-testid="targets-legend">
      {STATUSES.map((s) => {
        const st = statusStyle(s);
        return (
          <Space key={s} size={4}>
            <span
              aria-hidden
              style={{ display: 'inline-block', minWidth: 22, textAlign: 'center', background: st.background, color: st.color, borderRadius: 4, fontWeight: 600 }}
            >
              {st.symbol}
            </span>
            <span>{statusLabel(s, locale)}</span>
          </Space>
        );
      })}
    </Space>
  );
}

/** Units (rows) × measures (columns), each cell the value coloured by status, with the status in words for readers. */
export function TargetHeatTable({ units, loading, error, onRetry, asOf, selectedUnitId }: UnitsProps) {
  const { t, locale } = useLocale();
  const [sort, setSort] = useState<HeatSort>({ key: 'unitName', order: 'ascend' });
  const rows = useMemo(() => sortHeatRows(heatRows(units ?? []), sort), [units, sort]);
  if (error) return <ErrorState error={error} onRetry={onRetry} />;

  const cell = (r: HeatRow, key: (typeof TARGET_KEYS)[number]) => {
    const c = r.cells[key];
    const status = c?.status ?? 'NO_DATA';
    const st = statusStyle(status);
    const value = formatPercentValue(c?.value ?? null, locale);
    const statusText = statusLabel(status, locale);
    const title = t('targets.heatCellTitle', {
      unit: r.unitName,
      code: measureCode(key),
      value,
      count: formatCount(c?.count ?? 0, locale),
      base: formatCount(c?.base ?? 0, locale),
      status: statusText,
    });
    return (
      <div
        title={title}
        data-testid={`heat-${key}`}
        data-status={status}
        style={{ background: st.background, color: st.color, padding: '4px 8px', borderRadius: 4, textAlign: 'right', whiteSpace: 'nowrap' }}
      >
        {c?.value !== null && c?.value !== undefined && (
          <span aria-hidden style={{ fontWeight: 600, marginInlineEnd: 6 }}>
            {st.symbol}
          </span>
        )}
        {value}
        <span style={visuallyHidden}> ({statusText})</span>
      </div>
    );
  };

  return (
    <Card size="small" data-testid="targets-heat">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text type="secondary" data-testid="targets-heat-summary">
            {t('targets.heatSummary', { total: formatCount(rows.length, locale) })}
          </Typography.Text>
          <StatusLegend />
        </Space>
        <Table<HeatRow>
          rowKey="unitId"
          size="small"
          bordered
          loading={loading && !units}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000, y: 620 }}
          data-testid="targets-heat-table"
          locale={{ emptyText: <Empty description={t('targets.noUnits')} /> }}
          rowClassName={(r) => (r.unitId === selectedUnitId ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ 'data-testid': 'heat-row', 'data-unit-id': r.unitId }) as HTMLAttributes<HTMLElement>}
          onChange={(_p, _f, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<HeatRow>;
            const key = (s?.columnKey as HeatSort['key']) ?? 'unitName';
            setSort(s?.order ? { key, order: s.order } : { key: 'unitName', order: 'ascend' });
          }}
          columns={[
            {
              key: 'unitName',
              title: t('targets.unit'),
              fixed: 'left',
              width: 220,
              sorter: true,
              sortOrder: sort.key === 'unitName' ? sort.order : null,
              render: (_, r) => (
                <Link to={reportLink(asOf, r.unitId)} data-testid="heat-unit">
                  {r.unitName}
                </Link>
              ),
            },
            ...TARGET_KEYS.map((key) => ({
              key,
              title: (
                <Tooltip title={measureName(key, key, locale)}>
                  <span data-testid={`heat-head-${key}`} aria-label={measureName(key, key, locale)}>
                    {t('targets.measureShort', { code: measureCode(key) })}
                  </span>
                </Tooltip>
              ),
              width: 120,
              sorter: true,
              sortOrder: sort.key === key ? sort.order : null,
              render: (_: unknown, r: HeatRow) => cell(r, key),
            })),
          ]}
        />
        {!units?.length && !loading ? null : (
          <Alert type="info" showIcon={false} title={t('targets.heatHint')} style={{ padding: '4px 12px' }} />
        )}
      </Space>
    </Card>
  );
}
