import { PlusOutlined } from '@ant-design/icons';
import { LIMITS, PERMISSIONS, SortDirection, UNIT_KIND_LABELS, UnitKind, UnitSortField } from '@canbo/shared';
import { Button, Card, Col, Empty, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import type { UnitFieldsFragment } from '../../generated/graphql';
import { CursorPager, PAGE_SIZES, useCursors } from '../../shared/CursorPager';
import { ErrorState } from '../../shared/errors';
import { useSearchBox, useUrlParams } from '../../shared/url-params';
import { formatDate, formatNumber } from '../../shared/format';
import { usePermissions } from '../auth/hooks';
import { useUnitKindCounts, useUnits } from './hooks';
import { UnitFormModal } from './UnitFormModal';

export const KIND_COLORS: Record<UnitKind, string> = {
  PROVINCE: 'red',
  COMMUNE: 'green',
  WARD: 'blue',
  SPECIAL_ZONE: 'purple',
  PROVINCE_AGENCY: 'gold',
};

const KIND_ORDER: UnitKind[] = [UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE, UnitKind.PROVINCE_AGENCY, UnitKind.PROVINCE];

export function UnitListPage() {
  const { t, locale, label } = useLocale();
  const { params, update } = useUrlParams();
  const search = params.get('q') ?? '';
  const kinds = (params.get('kinds')?.split(',').filter((k) => k in UNIT_KIND_LABELS) ?? []) as UnitKind[];
  const sortField = (params.get('sort') as UnitSortField) || UnitSortField.NAME;
  const direction = (params.get('dir') as SortDirection) || SortDirection.ASC;
  const sizeParam = Number(params.get('size'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;
  const searchBox = useSearchBox('q');
  const [creating, setCreating] = useState(false);
  const { can } = usePermissions();

  const filterKey = `${search}|${kinds.join(',')}|${sortField}|${direction}|${pageSize}`;
  const pager = useCursors(filterKey);

  const variables = useMemo(
    () => ({
      first: pageSize,
      after: pager.after,
      filter: { search: search || null, kinds: kinds.length ? kinds : null },
      orderBy: { field: sortField, direction },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filterKey, pager.after],
  );
  const units = useUnits(variables);
  const counts = useUnitKindCounts();
  const connection = units.data?.units;
  const rows = connection?.edges.map((e) => e.node) ?? [];

  const sortOrder = (field: UnitSortField) =>
    sortField === field ? (direction === SortDirection.ASC ? 'ascend' : 'descend') : null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('unit.list')}
        </Typography.Title>
        {can(PERMISSIONS.UNIT_MANAGE) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('unit.create')}
          </Button>
        )}
      </Row>

      <Row gutter={[16, 16]} data-testid="kind-counts">
        {KIND_ORDER.map((kind) => (
          <Col key={kind} xs={12} md={8} lg={4}>
            <Card size="small" loading={counts.isLoading}>
              <Statistic
                title={label(UNIT_KIND_LABELS, kind)}
                value={counts.data?.unitKindCounts.find((c) => c.kind === kind)?.count ?? 0}
                formatter={(v) => formatNumber(Number(v), locale)}
              />
            </Card>
          </Col>
        ))}
      </Row>

      <Space wrap>
        <Input.Search
          allowClear
          data-testid="unit-search"
          aria-label={t('common.search')}
          placeholder={t('unit.searchPlaceholder')}
          maxLength={LIMITS.searchMaxLength}
          value={searchBox.input}
          onChange={(e) => searchBox.setInput(e.target.value)}
          onSearch={searchBox.submit}
          style={{ width: 320 }}
        />
        <Select
          mode="multiple"
          allowClear
          data-testid="unit-kind-filter"
          aria-label={t('unit.kindFilter')}
          placeholder={t('unit.allKinds')}
          style={{ minWidth: 280 }}
          value={kinds}
          onChange={(values: UnitKind[]) => update({ kinds: values.join(',') || null })}
          options={KIND_ORDER.map((kind) => ({ value: kind, label: label(UNIT_KIND_LABELS, kind) }))}
        />
      </Space>

      {units.isError ? (
        <ErrorState error={units.error} onRetry={() => units.refetch()} />
      ) : (
        <div>
          <Table<UnitFieldsFragment>
            data-testid="unit-table"
            rowKey="id"
            size="middle"
            loading={units.isFetching}
            dataSource={rows}
            pagination={false}
            locale={{
              emptyText: <Empty description={t('unit.empty')}>{search || kinds.length ? t('unit.emptyHint') : null}</Empty>,
            }}
            onChange={(_p, _f, sorter) => {
              const s = sorter as SorterResult<UnitFieldsFragment>;
              const field = s.columnKey === 'kind' ? UnitSortField.KIND : s.columnKey === 'name' ? UnitSortField.NAME : null;
              if (!s.order || !field) update({ sort: null, dir: null });
              else update({ sort: field, dir: s.order === 'descend' ? SortDirection.DESC : SortDirection.ASC });
            }}
            columns={[
              {
                key: 'name',
                title: t('unit.name'),
                sorter: true,
                sortOrder: sortOrder(UnitSortField.NAME),
                render: (_, unit) => <Link to={`/units/${unit.id}`}>{unit.name}</Link>,
              },
              {
                key: 'kind',
                title: t('unit.kind'),
                sorter: true,
                sortOrder: sortOrder(UnitSortField.KIND),
                render: (_, unit) => <Tag color={KIND_COLORS[unit.kind]}>{label(UNIT_KIND_LABELS, unit.kind)}</Tag>,
              },
              { key: 'validFrom', title: t('unit.validFrom'), render: (_, unit) => formatDate(unit.validFrom) },
              {
                key: 'status',
                title: t('unit.validTo'),
                render: (_, unit) =>
                  unit.validTo ? <Tag>{`${t('unit.ended')} ${formatDate(unit.validTo)}`}</Tag> : <Tag color="success">{t('unit.active')}</Tag>,
              },
            ]}
          />
          {connection && (
            <CursorPager
              pager={pager}
              connection={connection}
              pageSize={pageSize}
              shown={rows.length}
              loading={units.isFetching}
              onPageSize={(size) => update({ size: String(size) })}
            />
          )}
        </div>
      )}
      <UnitFormModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
