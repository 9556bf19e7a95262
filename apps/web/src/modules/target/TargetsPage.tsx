import { PERMISSIONS } from '@canbo/shared';
import { Alert, Card, Empty, Skeleton, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import { AsOfUnitPicker } from '../../shared/AsOfUnitPicker';
import { ErrorState } from '../../shared/errors';
import { formatDate, todayIsoDate } from '../../shared/format';
import { usePermissions, useProvinceWide } from '../auth/hooks';
import { useTargets, useTargetsByUnit, useTargetTrend } from './hooks';
import { dateProblem, TARGETS_FIRST_DATE } from './target-helpers';
import { TargetHeatTable, TargetRanking } from './TargetTables';
import { TargetSnapshots } from './TargetSnapshots';
import { TargetTrend } from './TargetTrend';
import { reportLink, RulesList, TargetReport } from './target-ui';
import { TargetCards } from './TargetCards';


const ALL = 'all';
const TABS = ['ranking', 'heat', 'trend', 'snapshots'] as const;

/**
 * "Chỉ tiêu 2025–2030": the five targets of the resolution (target 2 has two measures) for a reference date and the
 * province or one unit: value, target, gap, status, count over base, baseline and the value expected on the straight
 * line; then the units ranked on a measure, the heat table of units × measures, the trend over the yearly snapshots
 * and the frozen snapshots. Everything chosen lives in the URL (asOf, unit, tab, rank).
 */
export function TargetsPage() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const { can } = usePermissions();
  const today = todayIsoDate();
  const asOf = params.get('asOf') ?? today;
  const problem = dateProblem(asOf, today);
  const validAsOf = problem ? null : asOf;

  const scope = useProvinceWide(PERMISSIONS.REPORT_READ);
  const byUnit = useTargetsByUnit(validAsOf);
  const units = useMemo(() => [...(byUnit.data?.units ?? [])].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')), [byUnit.data]);
  const provinceWide = Boolean(scope.data?.provinceWide);
  const single = scope.data && !provinceWide && units.length === 1 ? units[0] : null;
  const unitParam = params.get('unit');
  const unitId = unitParam ?? null;
  // asked at once (not after the scope): without a unit it answers for the caller's scope, one unit or the province
  const report = useTargets(validAsOf, unitId);
  const data = report.data;
  // the trend and the frozen snapshots ask for one unit, or the province (a province-wide scope only)
  const trendUnit = unitId ?? (single ? single.unitId : null);
  const trendAllowed = Boolean(scope.data && (provinceWide || trendUnit));
  const trend = useTargetTrend(trendUnit, trendAllowed);

  const allLabel = provinceWide ? t('targets.wholeProvince') : t('targets.allMyUnits');
  const scopeLabel = data?.unitName ?? (unitId ? (units.find((u) => u.unitId === unitId)?.unitName ?? '') : single ? single.unitName : allLabel);
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as (typeof TABS)[number]) : 'ranking';

  const update = (changes: Record<string, string | null>, replace = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace });
  };

  const unitOptions = [...(single ? [] : [{ value: ALL, label: allLabel }]), ...units.map((u) => ({ value: u.unitId, label: u.unitName }))];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="targets-page">
      <Space orientation="vertical" size={0}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('targets.title')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="targets-subtitle">
          {validAsOf && (data || single || !unitId) ? t('targets.subtitle', { date: formatDate(validAsOf), scope: scopeLabel }) : ''}
        </Typography.Text>
      </Space>

      <Space wrap align="start">
        <AsOfUnitPicker
          testIdPrefix="targets"
          asOfLabel={t('targets.asOf')}
          unitLabel={t('targets.unit')}
          asOf={asOf}
          invalid={Boolean(problem)}
          disabledDate={(d) => d.isBefore(dayjs(TARGETS_FIRST_DATE), 'day') || d.isAfter(dayjs(), 'day')}
          onAsOf={(v) => update({ asOf: v })}
          unit={unitId ?? (single ? single.unitId : ALL)}
          onUnit={(v) => update({ unit: v === ALL ? null : v })}
          unitOptions={unitOptions}
          unitLoading={byUnit.isLoading || scope.isLoading}
          unitLocked={Boolean(single)}
        />
        {validAsOf && (unitId || single) && (
          <Space orientation="vertical" size={2}>
            <Typography.Text type="secondary">&nbsp;</Typography.Text>
            <Link to={reportLink(validAsOf, unitId ?? single?.unitId ?? null)} data-testid="targets-report-link">
              {t('targets.openReport')}
            </Link>
          </Space>
        )}
      </Space>

      {problem ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="targets-date-error"
          title={t(`targets.dateProblem.${problem}`, { first: formatDate(TARGETS_FIRST_DATE), today: formatDate(today) })}
        />
      ) : scope.isError || report.isError ? (
        <ErrorState
          error={scope.error ?? report.error}
          onRetry={() => {
            void scope.refetch();
            void report.refetch();
          }}
        />
      ) : !data ? (
        <Card data-testid="targets-loading">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : data.targets.length === 0 ? (
        <Empty description={t('targets.empty')} data-testid="targets-empty" />
      ) : (
        <>
          <TargetCards report={data} loading={report.isFetching} />
          <Tabs
            activeKey={tab}
            onChange={(k) => update({ tab: k === 'ranking' ? null : k })}
            data-testid="targets-tabs"
            items={[
              {
                key: 'ranking',
                label: <span data-testid="targets-tab-ranking">{t('targets.tab.ranking')}</span>,
                children: (
                  <TargetRanking
                    units={byUnit.data?.units ?? null}
                    loading={byUnit.isFetching}
                    error={byUnit.error}
                    onRetry={() => void byUnit.refetch()}
                    asOf={validAsOf!}
                    targetId={params.get('rank')}
                    onTarget={(id) => update({ rank: id })}
                    selectedUnitId={unitId}
                    tolerance={data.minorityTolerancePoints}
                  />
                ),
              },
              {
                key: 'heat',
                label: <span data-testid="targets-tab-heat">{t('targets.tab.heat')}</span>,
                children: (
                  <TargetHeatTable
                    units={byUnit.data?.units ?? null}
                    loading={byUnit.isFetching}
                    error={byUnit.error}
                    onRetry={() => void byUnit.refetch()}
                    asOf={validAsOf!}
                    selectedUnitId={unitId}
                  />
                ),
              },
              {
                key: 'trend',
                label: <span data-testid="targets-tab-trend">{t('targets.tab.trend')}</span>,
                children: trendAllowed ? (
                  <TargetTrend report={data} points={trend.data ?? null} loading={trend.isLoading} error={trend.error} onRetry={() => void trend.refetch()} />
                ) : (
                  <Alert type="info" showIcon title={t('targets.chooseUnit')} data-testid="targets-trend-choose-unit" />
                ),
              },
              {
                key: 'snapshots',
                label: <span data-testid="targets-tab-snapshots">{t('targets.tab.snapshots')}</span>,
                children: (
                  <TargetSnapshots
                    unitId={unitId}
                    canOpenProvince={provinceWide || Boolean(single)}
                    canFreeze={can(PERMISSIONS.REPORT_SNAPSHOT)}
                    defaultAsOf={validAsOf!}
                  />
                ),
              },
            ]}
          />
          <RulesCard report={data} />
        </>
      )}
    </Space>
  );
}

function RulesCard({ report }: { report: TargetReport }) {
  const { t } = useLocale();
  return (
    <Card size="small" title={t('targets.rules')} data-testid="targets-rules">
      <RulesList rules={report.rules} />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('targets.footnote', { date: formatDate(report.asOf), baseline: formatDate(report.baselineDate), deadline: formatDate(report.deadline) })}
      </Typography.Paragraph>
    </Card>
  );
}
