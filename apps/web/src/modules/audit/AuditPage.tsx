import { Button, DatePicker, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useLocale } from '../../app/i18n';
import { AuditLogDocument, AuditLogQuery, AuditVocabularyDocument } from '../../generated/graphql';
import { CursorPager, useCursors } from '../../shared/CursorPager';
import { ErrorState } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { request } from '../../shared/graphql-client';

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

interface Filters {
  actorName: string;
  entity: string | null;
  operation: string | null;
  entityId: string;
  range: [Dayjs | null, Dayjs | null] | null;
}

const EMPTY: Filters = { actorName: '', entity: null, operation: null, entityId: '', range: null };

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The changed fields of an entry: field, before → after. */
function Changes({ entry }: { entry: Entry }) {
  const { t } = useLocale();
  const changes = (entry.changes && typeof entry.changes === 'object' ? entry.changes : {}) as Record<string, unknown>;
  const rows = Object.entries(changes).map(([field, change]) => {
    const c = change && typeof change === 'object' && ('before' in change || 'after' in change) ? (change as { before?: unknown; after?: unknown }) : null;
    return { field, before: c ? c.before : undefined, after: c ? c.after : change, sensitive: entry.sensitiveFields.includes(field) };
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="audit-changes">
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('audit.noChanges')} /> }}
        columns={[
          { key: 'field', title: t('audit.field'), render: (_, r) => <Typography.Text code>{r.field}</Typography.Text> },
          {
            key: 'before',
            title: t('audit.before'),
            render: (_, r) => <Typography.Text type="secondary" delete={r.before !== undefined}>{r.before === undefined ? '' : show(r.before)}</Typography.Text>,
          },
          { key: 'arrow', title: '', render: () => '→', width: 30 },
          {
            key: 'after',
            title: t('audit.after'),
            render: (_, r) => (
              <Space size={4}>
                <Typography.Text>{show(r.after)}</Typography.Text>
                {r.sensitive && <Tag color="orange">{t('audit.sensitive')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">
        {[entry.clientIp && `${t('audit.clientIp')}: ${entry.clientIp}`, entry.requestId && `${t('audit.requestId')}: ${entry.requestId}`]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </Space>
  );
}

export function AuditPage() {
  const { t } = useLocale();
  // operations and entities are code names in the log; people read them in their language
  const operationLabel = (op: string) => t(`auditOperation.${op}`, { defaultValue: op });
  const entityLabel = (entity: string) => t(`auditEntity.${entity}`, { defaultValue: entity });
  const [form, setForm] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [pageSize, setPageSize] = useState(20);
  // text fields apply after a pause in typing; selects and dates at once
  useEffect(() => {
    const id = setTimeout(() => setFilters((f) => ({ ...f, actorName: form.actorName.trim(), entityId: form.entityId.trim() })), 300);
    return () => clearTimeout(id);
  }, [form.actorName, form.entityId]);
  const filterKey = JSON.stringify([filters, pageSize]);
  const pager = useCursors(filterKey);
  const vars = useMemo(
    () => ({
      first: pageSize,
      after: pager.after,
      filter: {
        actorName: filters.actorName || null,
        entity: filters.entity,
        operation: filters.operation,
        entityId: filters.entityId || null,
        from: filters.range?.[0] ? filters.range[0].startOf('day').toISOString() : null,
        to: filters.range?.[1] ? filters.range[1].endOf('day').toISOString() : null,
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filterKey, pager.after],
  );
  const log = useQuery({ queryKey: ['audit', 'log', vars], queryFn: () => request(AuditLogDocument, vars), placeholderData: keepPreviousData });
  const vocabulary = useQuery({ queryKey: ['audit', 'vocabulary'], queryFn: () => request(AuditVocabularyDocument, {}) });
  const connection = log.data?.auditLog;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const set = (changes: Partial<Filters>, immediate = true) => {
    setForm((f) => ({ ...f, ...changes }));
    if (immediate) setFilters((f) => ({ ...f, ...changes }));
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Space wrap>
        <Input
          allowClear
          data-testid="audit-actor"
          placeholder={t('audit.actor')}
          aria-label={t('audit.actor')}
          value={form.actorName}
          onChange={(e) => set({ actorName: e.target.value }, false)}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="audit-entity"
          placeholder={t('audit.entity')}
          aria-label={t('audit.entity')}
          value={form.entity}
          onChange={(v) => set({ entity: v ?? null })}
          options={vocabulary.data?.auditVocabulary.entities.map((e) => ({ value: e, label: entityLabel(e) }))}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="audit-operation"
          placeholder={t('audit.operation')}
          aria-label={t('audit.operation')}
          value={form.operation}
          onChange={(v) => set({ operation: v ?? null })}
          options={vocabulary.data?.auditVocabulary.operations.map((o) => ({ value: o, label: operationLabel(o) }))}
          style={{ width: 220 }}
        />
        <Input
          allowClear
          data-testid="audit-entity-id"
          placeholder={t('audit.entityId')}
          aria-label={t('audit.entityId')}
          value={form.entityId}
          onChange={(e) => set({ entityId: e.target.value }, false)}
          style={{ width: 260 }}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          data-testid="audit-range"
          value={form.range}
          onChange={(v) => set({ range: v as Filters['range'] })}
        />
        <Button
          onClick={() => {
            setForm(EMPTY);
            setFilters(EMPTY);
          }}
        >
          {t('audit.clear')}
        </Button>
      </Space>
      {log.isError ? (
        <ErrorState error={log.error} onRetry={() => log.refetch()} />
      ) : (
        <div>
          <Table<Entry>
            data-testid="audit-table"
            rowKey="id"
            size="middle"
            loading={log.isFetching}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
            expandable={{ expandedRowRender: (entry) => <Changes entry={entry} /> }}
            columns={[
              { key: 'at', title: t('audit.at'), render: (_, e) => formatDateTime(e.at) },
              { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName },
              {
                key: 'operation',
                title: t('audit.operation'),
                render: (_, e) => <Tag title={e.operation}>{operationLabel(e.operation)}</Tag>,
              },
              { key: 'entity', title: t('audit.entity'), render: (_, e) => <span title={e.entity}>{entityLabel(e.entity)}</span> },
              {
                key: 'entityId',
                title: t('audit.entityId'),
                render: (_, e) => (e.entityId ? <Typography.Text copyable style={{ fontSize: 12 }}>{e.entityId}</Typography.Text> : t('common.none')),
              },
            ]}
          />
          {connection && (
            <CursorPager
              pager={pager}
              connection={connection}
              pageSize={pageSize}
              shown={rows.length}
              loading={log.isFetching}
              onPageSize={setPageSize}
            />
          )}
        </div>
      )}
    </Space>
  );
}
