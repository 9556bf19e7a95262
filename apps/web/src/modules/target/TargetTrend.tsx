import { Alert, Card, Col, Row, Skeleton, Table, Typography } from 'antd';
import { HTMLAttributes, useMemo } from 'react';
import { useLocale } from '../../app/i18n';
import type { TargetTrendQuery } from '../../generated/graphql';
import { ErrorState } from '../../shared/errors';
import { formatCount, formatDate, formatPercentValue } from '../../shared/format';
import { definitionOf, linePath, measureCode, measureName, statusLabel, statusStyle, TARGETS_FIRST_DATE, TrendSeriesPoint, trendSeriesByTarget, xOf, yOf } from './target-helpers';
import { StatusTag, TargetMeasure, TargetReport } from './target-ui';

const W = 520;
const H = 200;
const PAD = { left: 44, right: 16, top: 14, bottom: 28 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

/** Each measure's value over the yearly snapshots (2025→2030) and today's live value, against its target: a chart and its table. */
export function TargetTrend({
  report,
  points,
  loading,
  error,
  onRetry,
}: {
  report: TargetReport;
  points: TargetTrendQuery['targetTrend'] | null;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useLocale();
  const series = useMemo(() => trendSeriesByTarget(points ?? [], report.asOf, report.targets), [points, report]);
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (loading) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <div data-testid="targets-trend">
      {(points ?? []).length === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('targets.trendNoSnapshots')} data-testid="targets-trend-empty" />
      )}
      <Row gutter={[16, 16]}>
        {report.targets.map((m) => (
          <Col key={m.targetId} xs={24} xl={12}>
            <TrendCard measure={m} series={series.get(m.targetId) ?? []} report={report} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

function TrendCard({ measure: m, series, report }: { measure: TargetMeasure; series: TrendSeriesPoint[]; report: TargetReport }) {
  const { t, locale } = useLocale();
  const name = `${measureCode(m.targetId)}. ${measureName(m.targetId, m.name, locale)}`;
  const unitWord = definitionOf(m.targetId)?.counts === 'units' ? t('targets.unitsWord') : t('targets.peopleWord');
  const from = TARGETS_FIRST_DATE;
  const to = report.deadline;
  const x = (d: string) => PAD.left + xOf(d, from, to, PLOT_W);
  const y = (v: number) => PAD.top + yOf(v, PLOT_H);
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const pointLabel = (p: TrendSeriesPoint) =>
    p.kind === 'current' ? t('targets.trendCurrent', { date: formatDate(p.date) }) : t('targets.trendYear', { year: p.year ?? p.date.slice(0, 4), date: formatDate(p.date) });
  const path = linePath(series.map((p) => ({ x: x(p.date), y: p.value === null ? null : y(p.value) })));
  const summary = t('targets.chartLabel', {
    name,
    target: formatPercentValue(m.target, locale),
    points: series.map((p) => `${pointLabel(p)}: ${formatPercentValue(p.value, locale)}`).join('; '),
  });

  return (
    <Card size="small" title={name} data-testid={`trend-${m.targetId}`} style={{ height: '100%' }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary} data-testid="trend-chart" style={{ maxWidth: W, display: 'block' }}>
        <title>{summary}</title>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#f0f0f0" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={10} fill="#8c8c8c">
              {v}%
            </text>
          </g>
        ))}
        {years.map((yr) => {
          const at = x(`${yr}-12-31`);
          return (
            <g key={yr}>
              <line x1={at} x2={at} y1={PAD.top} y2={H - PAD.bottom} stroke="#fafafa" />
              <text x={at} y={H - PAD.bottom + 16} textAnchor="middle" fontSize={10} fill="#8c8c8c">
                {yr}
              </text>
            </g>
          );
        })}
        {/* the straight line from the baseline to the target by the deadline */}
        {m.baseline !== null && (
          <line
            x1={x(report.baselineDate)}
            y1={y(m.baseline)}
            x2={x(report.deadline)}
            y2={y(m.target)}
            stroke="#8c8c8c"
            strokeDasharray="2 3"
            data-testid="trend-path"
          />
        )}
        {/* the target */}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(m.target)} y2={y(m.target)} stroke="#cf1322" strokeDasharray="6 4" data-testid="trend-target" />
        <text x={W - PAD.right} y={y(m.target) - 4} textAnchor="end" fontSize={10} fill="#cf1322">
          {t('targets.targetLine', { value: formatPercentValue(m.target, locale) })}
        </text>
        <path d={path} fill="none" stroke="#1677ff" strokeWidth={2} />
        {series.map((p, i) =>
          p.value === null ? null : (
            <circle
              key={`${p.kind}-${p.date}-${i}`}
              cx={x(p.date)}
              cy={y(p.value)}
              r={p.kind === 'current' ? 6 : 4}
              fill={p.kind === 'current' ? statusStyle(p.status).stroke : '#1677ff'}
              stroke="#fff"
              strokeWidth={1.5}
              data-testid={`trend-point-${p.kind}`}
            >
              <title>{`${pointLabel(p)}: ${formatPercentValue(p.value, locale)} (${statusLabel(p.status, locale)})`}</title>
            </circle>
          ),
        )}
      </svg>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('targets.trendLegend')}
      </Typography.Text>
      <Table<TrendSeriesPoint>
        size="small"
        style={{ marginTop: 8 }}
        rowKey={(p) => `${p.kind}-${p.date}`}
        dataSource={series}
        pagination={false}
        data-testid="trend-table"
        onRow={(p) => ({ 'data-testid': `trend-row-${p.kind}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'when', title: t('targets.when'), render: (_, p) => pointLabel(p) },
          {
            key: 'count',
            title: t('targets.countBase'),
            align: 'right',
            render: (_, p) => `${formatCount(p.count, locale)}/${formatCount(p.base, locale)} ${unitWord}`,
          },
          { key: 'value', title: t('targets.value'), align: 'right', render: (_, p) => <span data-testid="trend-value">{formatPercentValue(p.value, locale)}</span> },
          { key: 'status', title: t('targets.statusTitle'), render: (_, p) => <StatusTag status={p.status} /> },
        ]}
      />
    </Card>
  );
}
