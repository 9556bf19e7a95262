import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocale } from '../app/i18n';
import { formatNumber } from './format';

export const PAGE_SIZES = [10, 20, 50, 100];

/**
 * The cursors of the pages seen so far (the first page has none), back to the first page whenever `resetKey`
 * changes (a filter, the page size): `after` is the cursor to ask for, `next(endCursor)` and `previous()` move.
 */
export function useCursors(resetKey: string) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [resetKey]);
  const page = cursors.length - 1;
  return {
    page,
    after: cursors[page] ?? null,
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    next: (endCursor: string | null | undefined) => setCursors((c) => [...c, endCursor ?? null]),
    reset: () => setCursors([null]),
  };
}

export type Cursors = ReturnType<typeof useCursors>;

/** Server-side cursor pagination of a connection: previous/next (moving `pager`), the range shown, the page size. */
export function CursorPager(props: {
  pager: Cursors;
  connection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | null | undefined;
  pageSize: number;
  shown: number;
  loading?: boolean;
  onPageSize: (size: number) => void;
}) {
  const { t, locale } = useLocale();
  const { pager, connection } = props;
  const total = connection?.totalCount ?? 0;
  const from = total === 0 ? 0 : pager.page * props.pageSize + 1;
  const to = pager.page * props.pageSize + props.shown;
  return (
    <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }} wrap data-testid="pager">
      <Typography.Text type="secondary" data-testid="pager-range">
        {t('common.range', { from: formatNumber(from, locale), to: formatNumber(to, locale), total: formatNumber(total, locale) })}
      </Typography.Text>
      <Button icon={<LeftOutlined />} disabled={pager.page === 0 || props.loading} onClick={pager.previous}>
        {t('common.previous')}
      </Button>
      <Button disabled={!connection?.pageInfo.hasNextPage || props.loading} onClick={() => pager.next(connection?.pageInfo.endCursor)}>
        {t('common.next')} <RightOutlined />
      </Button>
      <Select
        aria-label={t('common.pageSizeLabel')}
        value={props.pageSize}
        style={{ width: 120 }}
        onChange={props.onPageSize}
        options={PAGE_SIZES.map((n) => ({ value: n, label: t('common.pageSize', { count: n }) }))}
      />
    </Space>
  );
}
