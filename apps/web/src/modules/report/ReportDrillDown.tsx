import { ArrowLeftOutlined, TeamOutlined } from '@ant-design/icons';
import { ErrorCode, PERMISSIONS } from '@canbo/shared';
import { Alert, Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { HTMLAttributes, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import type { SituationReportQuery } from '../../generated/graphql';
import { CursorPager, PAGE_SIZES, useCursors } from '../../shared/CursorPager';
import { ErrorState } from '../../shared/errors';
import { formatCount, formatDate, formatPercentValue } from '../../shared/format';
import { ApiError } from '../../shared/graphql-client';
import { usePermissions } from '../auth/hooks';
import { useSituationReportByUnit, useSituationReportPeople } from './hooks';
import { figureDescription, figureName, parseUnitSort, sortUnitRows, UnitFigureRow, UnitSortKey } from './report-figures';

type Figure = SituationReportQuery['situationReport']['figures'][number];

/** The URL's search params with some changed (null removes). */
export function withParams(params: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  return next;
}

/**
 * The drill-down of a figure, kept in the URL (metric, people, sort, size): the figure per unit of the caller's
 * scope (sortable), and for a figure counting people, the people behind it in one unit or in all, page by page.
 */
export function ReportDrillDown({
  asOf,
  unitId,
  scopeLabel,
  figures,
}: {
  asOf: string;
  /** the unit the page reports on (null: every unit of the scope) */
  unitId: string | null;
  /** "Toàn tỉnh", or the unit's name */
  scopeLabel: string;
  figures: readonly Figure[];
}) {
  const { t, locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const metricId = params.get('metric');
  const people = params.get('people');
  const figure = figures.find((f) => f.metricId === metricId) ?? null;
  const open = Boolean(metricId);
  const close = () => setParams(withParams(params, { metric: null, people: null, sort: null, size: null }));
  const name = metricId ? figureName(metricId, figure?.name, locale) : '';

  return (
    <Drawer
      open={open}
      onClose={close}
      size={Math.min(960, typeof window === 'undefined' ? 960 : window.innerWidth - 40)}
      title={<span data-testid="report-drill-title">{name}</span>}
      destroyOnHidden
    >
      {open && metricId && (
        <div data-testid="report-drill-body">
          {people && figure?.drillsToPeople ? (
            <PeopleView asOf={asOf} pageUnitId={unitId} scopeLabel={scopeLabel} figure={figure} people={people} />
          ) : (
            <ByUnitView asOf={asOf} pageUnitId={unitId} scopeLabel={scopeLabel} figure={figure} metricId={metricId} />
          )}
        </div>
      )}
    </Drawer>
  );
}

function FigureSummary({ figure, scopeLabel, asOf }: { figure: Figure | null; scopeLabel: string; asOf: string }) {
  const { t, locale } = useLocale();
  const description = figure ? figureDescription(figure.metricId, locale) : null;
  return (
    <Descriptions size="small" column={1} bordered data-testid="report-drill-summary">
      <Descriptions.Item label={t('report.scope')}>
        {scopeLabel} · {t('report.asOfShort', { date: formatDate(asOf) })}
      </Descriptions.Item>
      {figure && (
        <Descriptions.Item label={t('report.value')}>
          <strong>{formatCount(figure.count, locale)}</strong>
          {figure.base !== null && (
            <>
              {' / '}
              {formatCount(figure.base, locale)} ({formatPercentValue(figure.percent, locale)})
            </>
          )}
        </Descriptions.Item>
      )}
      {description && <Descriptions.Item label={t('report.definition')}>{description}</Descriptions.Item>}
    </Descriptions>
  );
}

function ByUnitView({
  asOf,
  pageUnitId,
  scopeLabel,
  figure,
  metricId,
}: {
  asOf: string;
  pageUnitId: string | null;
  scopeLabel: string;
  figure: Figure | null;
  metricId: string;
}) {
  const { t, locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const sort = parseUnitSort(params.get('sort'));
  const byUnit = useSituationReportByUnit(asOf, metricId);
  const rows: UnitFigureRow[] = useMemo(() => {
    const units = byUnit.data?.situationReportByUnit.units ?? [];
    return units
      .filter((u) => !pageUnitId || u.unitId === pageUnitId)
      .map((u) => {
        const f = u.figures.find((x) => x.metricId === metricId);
        return { unitId: u.unitId, unitName: u.unitName, count: f?.count ?? 0, base: f?.base ?? null, percent: f?.percent ?? null };
      });
  }, [byUnit.data, pageUnitId, metricId]);
  const sorted = useMemo(() => sortUnitRows(rows, sort.key, sort.dir), [rows, sort.key, sort.dir]);
  const drills = Boolean(figure?.drillsToPeople);
  const order = (key: UnitSortKey): SortOrder => (sort.key === key ? (sort.dir === 'asc' ? 'ascend' : 'descend') : null);
  const peopleLink = (target: string) => ({ search: `?${withParams(params, { people: target }).toString()}` });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <FigureSummary figure={figure} scopeLabel={scopeLabel} asOf={asOf} />
      {drills && figure && (
        <Button icon={<TeamOutlined />} onClick={() => setParams(withParams(params, { people: 'all' }))} data-testid="report-people-all" style={{ alignSelf: 'flex-start' }}>
          {t('report.seeAllPeople', { count: formatCount(figure.count, locale) })}
        </Button>
      )}
      {!drills && figure && <Typography.Text type="secondary">{t('report.notPeopleHint')}</Typography.Text>}
      {byUnit.isError ? (
        <ErrorState error={byUnit.error} onRetry={() => byUnit.refetch()} />
      ) : (
        <Table<UnitFigureRow>
          data-testid="report-by-unit-table"
          rowKey="unitId"
          size="small"
          loading={byUnit.isFetching}
          dataSource={sorted}
          pagination={false}
          locale={{ emptyText: t('report.noUnits') }}
          onRow={(r) => ({ 'data-testid': `report-unit-row-${r.unitId}` }) as HTMLAttributes<HTMLElement>}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = (s?.columnKey as UnitSortKey | undefined) ?? null;
            const dir = s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : null;
            setParams(withParams(params, { sort: key && dir ? `${key}_${dir}` : null }), { replace: true });
          }}
          columns={[
            {
              key: 'name',
              title: t('report.unit'),
              sorter: true,
              sortOrder: order('name'),
              render: (_, r) =>
                drills ? (
                  <Link to={peopleLink(r.unitId)} data-testid="report-unit-link">
                    {r.unitName}
                  </Link>
                ) : (
                  <Link to={`/units/${r.unitId}`} data-testid="report-unit-link">
                    {r.unitName}
                  </Link>
                ),
            },
            { key: 'count', title: t('report.count'), align: 'right', sorter: true, sortOrder: order('count'), render: (_, r) => formatCount(r.count, locale) },
            { key: 'base', title: t('report.base'), align: 'right', sorter: true, sortOrder: order('base'), render: (_, r) => formatCount(r.base, locale) },
            {
              key: 'percent',
              title: t('report.percent'),
              align: 'right',
              sorter: true,
              sortOrder: order('percent'),
              render: (_, r) => formatPercentValue(r.percent, locale),
            },
          ]}
        />
      )}
    </Space>
  );
}

function PeopleView({
  asOf,
  pageUnitId,
  scopeLabel,
  figure,
  people,
}: {
  asOf: string;
  pageUnitId: string | null;
  scopeLabel: string;
  figure: Figure;
  people: string;
}) {
  const { t, locale } = useLocale();
  const { can } = usePermissions();
  const canOpenPerson = can(PERMISSIONS.PERSONNEL_READ);
  const [params, setParams] = useSearchParams();
  const sizeParam = Number(params.get('size'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;
  const unitId = people === 'all' ? pageUnitId : people;
  const byUnit = useSituationReportByUnit(asOf, people === 'all' ? null : figure.metricId);
  const unitRow = byUnit.data?.situationReportByUnit.units.find((u) => u.unitId === people);
  const expected = people === 'all' ? figure.count : (unitRow?.figures.find((f) => f.metricId === figure.metricId)?.count ?? null);
  const label = people === 'all' ? scopeLabel : (unitRow?.unitName ?? '');

  const key = `${figure.metricId}|${asOf}|${unitId}|${pageSize}`;
  const pager = useCursors(key);
  const result = useSituationReportPeople({ metricId: figure.metricId, asOf, unitId, first: pageSize, after: pager.after });
  const connection = result.data?.situationReportPeople;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  // seat figures list one row per seat held (a person holding two titles appears twice): say which seat
  const seats = rows.some((r) => r.seatName);
  const forbidden = result.error instanceof ApiError && result.error.code === ErrorCode.FORBIDDEN;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => setParams(withParams(params, { people: null, size: null }))} data-testid="report-people-back">
          {t('report.backToUnits')}
        </Button>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="report-people-unit">
          {label}
        </Typography.Title>
      </Space>
      {expected !== null && (
        <Typography.Text data-testid="report-people-expected">
          {t('report.peopleExpected', { count: formatCount(expected, locale) })}
        </Typography.Text>
      )}
      {forbidden ? (
        <Alert type="warning" showIcon role="alert" data-testid="report-people-forbidden" title={t('report.sensitiveForbidden')} description={t('report.sensitiveForbiddenHint')} />
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <div>
          <Typography.Text strong data-testid="report-people-total">
            {connection ? t(seats ? 'report.seatsTotal' : 'report.peopleTotal', { count: formatCount(connection.totalCount, locale) }) : t('common.loading')}
          </Typography.Text>
          <Table
            data-testid="report-people-table"
            rowKey={(r) => r.seatId ?? r.personId}
            size="small"
            loading={result.isFetching}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('report.noPeople') }}
            columns={[
              { key: 'no', title: t('report.rowNumber'), width: 70, render: (_, _r, i) => formatCount(pager.page * pageSize + i + 1, locale) },
              {
                key: 'name',
                title: t('person.fullName'),
                render: (_, p) => (canOpenPerson ? <Link to={`/persons/${p.personId}?asOf=${asOf}`}>{p.fullName}</Link> : p.fullName),
              },
              ...(seats ? [{ key: 'seat', title: t('report.seat'), render: (_: unknown, p: (typeof rows)[number]) => p.seatName ?? '' }] : []),
              { key: 'unit', title: t('report.unit'), render: (_, p) => p.unitName },
            ]}
          />
          {connection && (
            <CursorPager
              pager={pager}
              connection={connection}
              pageSize={pageSize}
              shown={rows.length}
              loading={result.isFetching}
              onPageSize={(size) => setParams(withParams(params, { size: String(size) }), { replace: true })}
            />
          )}
        </div>
      )}
    </Space>
  );
}
