import { PERMISSIONS } from '@canbo/shared';
import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Row, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { HTMLAttributes, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import type { SituationReportQuery } from '../../generated/graphql';
import { AsOfUnitPicker } from '../../shared/AsOfUnitPicker';
import { ErrorState } from '../../shared/errors';
import { formatCount, formatDate, formatPercentValue, todayIsoDate } from '../../shared/format';
import { useProvinceWide } from '../auth/hooks';
import { FigureBars } from './FigureBars';
import { useReportUnits, useSituationReport } from './hooks';
import { ReportDrillDown, withParams } from './ReportDrillDown';
import { ReportExportButtons } from './report-files';
import { figureDescription, figureName, groupFigures, REPORT_FIRST_DATE, reportDateProblem } from './report-figures';

type Figure = SituationReportQuery['situationReport']['figures'][number];

const ALL = 'all';

/**
 * "Báo cáo tình hình đội ngũ": the figures of section I of the resolution, live, for a reference date and the
 * caller's scope or one unit, grouped in sections (each a bar chart with its table), with a drill-down per figure
 * (per unit, then the people) and XLSX/PDF exports. Everything chosen lives in the URL.
 */
export function SituationReportPage() {
  const { t, locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const today = todayIsoDate();
  const asOf = params.get('asOf') ?? today;
  const dateProblem = reportDateProblem(asOf, today);
  const validAsOf = dateProblem ? null : asOf;

  const scope = useProvinceWide(PERMISSIONS.REPORT_READ);
  const units = useReportUnits(validAsOf);
  const unitList = units.data ?? [];
  const single = !scope.data?.provinceWide && unitList.length === 1 ? unitList[0] : null;
  const unitParam = params.get('unit');
  const unitId = unitParam ?? single?.id ?? null;
  const ready = Boolean(validAsOf && scope.data && units.data);
  const report = useSituationReport(validAsOf, unitId, ready);
  const data = report.data?.situationReport;
  const figures = data?.figures ?? [];
  const groups = useMemo(() => groupFigures(figures), [figures]);

  const allLabel = scope.data?.provinceWide ? t('report.wholeProvince') : t('report.allMyUnits');
  const scopeLabel = data?.unitName ?? (unitId ? (unitList.find((u) => u.id === unitId)?.name ?? '') : allLabel);
  const update = (changes: Record<string, string | null>) => setParams(withParams(params, changes), { replace: true });
  const openDrill = (metricId: string) => setParams(withParams(params, { metric: metricId, people: null, sort: null, size: null }));

  const unitOptions = [
    ...(single ? [] : [{ value: ALL, label: allLabel }]),
    ...unitList.map((u) => ({ value: u.id, label: u.name })),
  ];
  const noStaff = figures.length > 0 && figures.filter((f) => f.kind === 'PEOPLE').every((f) => f.count === 0);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[16, 16]}>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('report.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="report-subtitle">
            {validAsOf ? t('report.subtitle', { date: formatDate(validAsOf), scope: scopeLabel }) : ''}
          </Typography.Text>
        </Space>
        <ReportExportButtons asOf={asOf} unitId={unitId} disabled={!validAsOf || !data} />
      </Row>

      <Space wrap align="start">
        <AsOfUnitPicker
          testIdPrefix="report"
          asOfLabel={t('report.asOf')}
          unitLabel={t('report.unit')}
          asOf={asOf}
          invalid={Boolean(dateProblem)}
          onAsOf={(v) => update({ asOf: v, metric: null, people: null })}
          unit={unitId ?? ALL}
          onUnit={(v) => update({ unit: v === ALL ? null : v, metric: null, people: null })}
          unitOptions={unitOptions}
          unitLoading={units.isLoading || scope.isLoading}
          unitLocked={Boolean(single)}
        />
      </Space>

      {dateProblem ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="report-date-error"
          title={t(`report.dateProblem.${dateProblem}`, { first: formatDate(REPORT_FIRST_DATE), today: formatDate(today) })}
        />
      ) : scope.isError || units.isError || report.isError ? (
        <ErrorState
          error={scope.error ?? units.error ?? report.error}
          onRetry={() => {
            void scope.refetch();
            void units.refetch();
            void report.refetch();
          }}
        />
      ) : !data ? (
        <Card data-testid="report-loading">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : figures.length === 0 ? (
        <Empty description={t('report.empty')} data-testid="report-empty" />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {noStaff && <Alert type="info" showIcon data-testid="report-no-staff" title={t('report.noStaff', { scope: scopeLabel })} />}
          {groups.map((g) => (
            <FigureSection
              key={g.section}
              section={g.section}
              figures={g.figures}
              loading={report.isFetching}
              onOpen={openDrill}
              title={t(`report.section.${g.section}`)}
            />
          ))}
          <Card size="small" title={t('report.rules')} data-testid="report-rules">
            {data.rules.length === 0 ? (
              <Typography.Text type="secondary">{t('report.noRules')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {data.rules.map((r) => (
                  <li key={`${r.key}-${r.validFrom}`}>
                    <strong>{t(`report.ruleKey.${r.key}`, { defaultValue: r.key })}</strong>: {r.versionLabel} (
                    {r.validTo
                      ? t('report.ruleValidBetween', { from: formatDate(r.validFrom), to: formatDate(r.validTo) })
                      : t('report.ruleValidFrom', { from: formatDate(r.validFrom) })}
                    )
                  </li>
                ))}
              </ul>
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('report.footnote', { date: formatDate(data.asOf) })}
            </Typography.Paragraph>
          </Card>
          {validAsOf && <ReportDrillDown asOf={validAsOf} unitId={unitId} scopeLabel={scopeLabel} figures={figures} />}
        </Space>
      )}
    </Space>
  );
}

function FigureSection({
  section,
  title,
  figures,
  loading,
  onOpen,
}: {
  section: string;
  title: string;
  figures: Figure[];
  loading: boolean;
  onOpen: (metricId: string) => void;
}) {
  const { t, locale } = useLocale();
  const named = figures.map((f) => ({ ...f, name: figureName(f.metricId, f.name, locale) }));
  return (
    <Card title={title} data-testid={`report-section-${section}`}>
      <FigureBars figures={named} onOpen={onOpen} testId={`report-chart-${section}`} />
      <Table<Figure & { name: string }>
        rowKey="metricId"
        size="small"
        loading={loading}
        dataSource={named}
        pagination={false}
        data-testid={`report-table-${section}`}
        onRow={(f) => ({ 'data-testid': `report-figure-${f.metricId}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('report.figure'),
            render: (_, f) => {
              const description = figureDescription(f.metricId, locale);
              return (
                <Space size={6}>
                  <Typography.Link onClick={() => onOpen(f.metricId)} data-testid={`report-drill-${f.metricId}`}>
                    {f.name}
                  </Typography.Link>
                  {!f.sectionOne && (
                    <Tooltip title={t('report.additionalHint')}>
                      <Tag data-testid="figure-additional">{t('report.additional')}</Tag>
                    </Tooltip>
                  )}
                  {description && (
                    <Tooltip title={description}>
                      <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} aria-label={description} />
                    </Tooltip>
                  )}
                </Space>
              );
            },
          },
          { key: 'count', title: t('report.count'), align: 'right', width: 140, render: (_, f) => <span data-testid="figure-count">{formatCount(f.count, locale)}</span> },
          { key: 'base', title: t('report.base'), align: 'right', width: 140, render: (_, f) => <span data-testid="figure-base">{formatCount(f.base, locale)}</span> },
          {
            key: 'percent',
            title: t('report.percent'),
            align: 'right',
            width: 110,
            render: (_, f) => <span data-testid="figure-percent">{formatPercentValue(f.percent, locale)}</span>,
          },
        ]}
      />
    </Card>
  );
}
