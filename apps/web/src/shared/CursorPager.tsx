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

/** Server-side cursor pagination: previous/next, the range shown and the page size. */
export function CursorPager(props: {
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  hasNext: boolean;
  loading?: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
}) {
  const { t, locale } = useLocale();
  const from = props.total === 0 ? 0 : props.page * props.pageSize + 1;
  const to = props.page * props.pageSize + props.shown;
  return (
    <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }} wrap data-testid="pager">
      <Typography.Text type="secondary" data-testid="pager-range">
        {t('common.range', { from: formatNumber(from, locale), to: formatNumber(to, locale), total: formatNumber(props.total, locale) })}
      </Typography.Text>
      <Button icon={<LeftOutlined />} disabled={props.page === 0 || props.loading} onClick={props.onPrevious}>
        {t('common.previous')}
      </Button>
      <Button disabled={!props.hasNext || props.loading} onClick={props.onNext}>
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
