import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Gender,
  GENDER_LABELS,
  LIMITS,
  PERMISSIONS,
  PERSON_STATUS_LABELS,
  PersonStatus,
  STAFF_CATEGORY_LABELS,
  StaffCategory,
} from '@canbo/shared';
import { Alert, Button, DatePicker, Empty, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import type { PersonsQuery } from '../../generated/graphql';
import { CursorPager, PAGE_SIZES, useCursors } from '../../shared/CursorPager';
import { ErrorState } from '../../shared/errors';
import { useSearchBox, useUrlParams } from '../../shared/url-params';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../shared/format';
import { usePermissions } from '../auth/hooks';
import { foldedFilter, usePersons, useUnitOptions } from './hooks';
import { ETHNIC_OPTIONS, useUnitName } from './person-form';
import { PersonCreateModal } from './PersonCreateModal';
import { PersonExportButton } from './person-files';

type PersonRow = PersonsQuery['persons']['edges'][number]['node'];

export const STATUS_COLORS: Record<PersonStatus, string> = {
  SERVING: 'success',
  ON_LEAVE: 'warning',
  SECONDED_OUT: 'processing',
  RETIRED: 'default',
  LEFT: 'default',
  DECEASED: 'default',
};

const oneOf = <E extends string>(values: Record<string, E>, v: string | null): E | null =>
  v && (Object.values(values) as string[]).includes(v) ? (v as E) : null;

export function PersonListPage() {
  const { t, label } = useLocale();
  const { params, update } = useUrlParams();
  const { can } = usePermissions();
  const sensitive = can(PERMISSIONS.PERSONNEL_READ_SENSITIVE);
  const search = params.get('q') ?? '';
  const unitId = params.get('unit');
  const category = oneOf(StaffCategory, params.get('category'));
  const gender = oneOf(Gender, params.get('gender'));
  const status = oneOf(PersonStatus, params.get('status'));
  const ethnicity = sensitive ? params.get('ethnicity') : null;
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && dayjs(asOfParam, 'YYYY-MM-DD', true).isValid() ? asOfParam : null;
  const sizeParam = Number(params.get('size'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;
  const searchBox = useSearchBox('q');
  const [creating, setCreating] = useState(false);
  const units = useUnitOptions();
  const unitName = useUnitName();

  const filterKey = `${search}|${unitId}|${category}|${gender}|${status}|${ethnicity}|${asOf}|${pageSize}`;
  const pager = useCursors(filterKey);

  const variables = useMemo(
    () => ({
      first: pageSize,
      after: pager.after,
      asOf,
      filter: {
        search: search || null,
        unitId: unitId || null,
        staffCategory: category,
        gender,
        status,
        ethnicityCode: ethnicity || null,
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filterKey, pager.after],
  );
  // a search of digits only looks up national IDs, which needs personnel.read_sensitive: say so instead of asking
  const idSearchRefused = !sensitive && /^[0-9 ]+$/u.test(search) && /[0-9]/u.test(search);
  const persons = usePersons(variables, !idSearchRefused);
  const connection = persons.data?.persons;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const filtered = Boolean(search || unitId || category || gender || status || ethnicity);
  const personLink = (id: string) => (asOf ? `/persons/${id}?asOf=${asOf}` : `/persons/${id}`);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('person.list')}
        </Typography.Title>
        <Space wrap>
          <PersonExportButton filter={variables.filter} asOf={asOf} disabled={idSearchRefused} />
          {can(PERMISSIONS.PERSONNEL_WRITE) && (
            <Link to="/persons/import" data-testid="person-import">
              <Button icon={<FileExcelOutlined />}>{t('personImport.open')}</Button>
            </Link>
          )}
          {can(PERMISSIONS.PERSONNEL_WRITE) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="person-create">
              {t('person.create')}
            </Button>
          )}
        </Space>
      </Row>

      <Space wrap>
        <Input.Search
          allowClear
          data-testid="person-search"
          aria-label={t('common.search')}
          placeholder={sensitive ? t('person.searchPlaceholderSensitive') : t('person.searchPlaceholder')}
          maxLength={LIMITS.searchMaxLength}
          value={searchBox.input}
          onChange={(e) => searchBox.setInput(e.target.value)}
          onSearch={searchBox.submit}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          data-testid="person-unit-filter"
          aria-label={t('person.unit')}
          placeholder={t('person.allUnits')}
          style={{ width: 240 }}
          showSearch={{ filterOption: foldedFilter }}
          loading={units.isLoading}
          value={unitId ?? undefined}
          onChange={(v?: string) => update({ unit: v ?? null })}
          options={units.data?.map((u) => ({ value: u.id, label: u.name })) ?? []}
        />
        <Select
          allowClear
          data-testid="person-category-filter"
          aria-label={t('person.staffCategory')}
          placeholder={t('person.allCategories')}
          style={{ width: 190 }}
          value={category ?? undefined}
          onChange={(v?: string) => update({ category: v ?? null })}
          options={Object.values(StaffCategory).map((c) => ({ value: c, label: label(STAFF_CATEGORY_LABELS, c) }))}
        />
        <Select
          allowClear
          data-testid="person-gender-filter"
          aria-label={t('person.gender')}
          placeholder={t('person.allGenders')}
          style={{ width: 140 }}
          value={gender ?? undefined}
          onChange={(v?: string) => update({ gender: v ?? null })}
          options={Object.values(Gender).map((g) => ({ value: g, label: label(GENDER_LABELS, g) }))}
        />
        <Select
          allowClear
          data-testid="person-status-filter"
          aria-label={t('person.status')}
          placeholder={t('person.allStatuses')}
          style={{ width: 180 }}
          value={status ?? undefined}
          onChange={(v?: string) => update({ status: v ?? null })}
          options={Object.values(PersonStatus).map((s) => ({ value: s, label: label(PERSON_STATUS_LABELS, s) }))}
        />
        {sensitive && (
          <Select
            allowClear
            data-testid="person-ethnicity-filter"
            aria-label={t('person.ethnicity')}
            placeholder={t('person.allEthnicities')}
            style={{ width: 200 }}
            showSearch={{ filterOption: foldedFilter }}
            value={ethnicity ?? undefined}
            onChange={(v?: string) => update({ ethnicity: v ?? null })}
            options={ETHNIC_OPTIONS}
          />
        )}
        <DatePicker
          data-testid="person-as-of"
          aria-label={t('person.asOf')}
          format={DATE_FORMAT}
          placeholder={t('person.asOfToday')}
          value={asOf ? dayjs(asOf) : null}
          onChange={(v) => update({ asOf: toIsoDate(v) })}
        />
      </Space>

      {idSearchRefused ? (
        <Alert type="warning" showIcon role="alert" data-testid="person-id-search-refused" title={t('person.idSearchNeedsSensitive')} />
      ) : persons.isError ? (
        <ErrorState error={persons.error} onRetry={() => persons.refetch()} />
      ) : (
        <div>
          <Table<PersonRow>
            data-testid="person-table"
            rowKey="id"
            size="middle"
            loading={persons.isFetching}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: <Empty description={t('person.empty')}>{filtered ? t('person.emptyHint') : null}</Empty> }}
            columns={[
              {
                key: 'name',
                title: t('person.fullName'),
                render: (_, p) => (
                  <Space orientation="vertical" size={0}>
                    <Link to={personLink(p.id)}>{p.fullName}</Link>
                    {p.otherNames ? <Typography.Text type="secondary">{p.otherNames}</Typography.Text> : null}
                  </Space>
                ),
              },
              { key: 'gender', title: t('person.gender'), render: (_, p) => label(GENDER_LABELS, p.gender) },
              { key: 'birthDate', title: t('person.birthDate'), render: (_, p) => formatDate(p.birthDate) },
              { key: 'unit', title: t('person.unit'), render: (_, p) => unitName(p.assignment?.unitId) },
              {
                key: 'category',
                title: t('person.staffCategory'),
                render: (_, p) => (p.assignment ? label(STAFF_CATEGORY_LABELS, p.assignment.staffCategory) : ''),
              },
              { key: 'position', title: t('person.jobPosition'), render: (_, p) => p.assignment?.jobPosition ?? '' },
              {
                key: 'status',
                title: t('person.status'),
                render: (_, p) => <Tag color={STATUS_COLORS[p.status]}>{label(PERSON_STATUS_LABELS, p.status)}</Tag>,
              },
            ]}
          />
          {connection && (
            <CursorPager
              pager={pager}
              connection={connection}
              pageSize={pageSize}
              shown={rows.length}
              loading={persons.isFetching}
              onPageSize={(size) => update({ size: String(size) })}
            />
          )}
        </div>
      )}
      <PersonCreateModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
