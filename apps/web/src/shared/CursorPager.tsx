import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useLocale } from '../app/i18n';
import { formatNumber } from './format';

export const PAGE_SIZES = [10, 20, 50, 100];

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
        aria-label="page size"
        value={props.pageSize}
        style={{ width: 120 }}
        onChange={props.onPageSize}
        options={PAGE_SIZES.map((n) => ({ value: n, label: t('common.pageSize', { count: n }) }))}
      />
    </Space>
  );
}
