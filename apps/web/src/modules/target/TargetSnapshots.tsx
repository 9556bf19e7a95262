import { LockOutlined } from '@ant-design/icons';
import { METRIC_DEFINITIONS } from '@canbo/shared';
import { Alert, App, Button, Card, DatePicker, Drawer, Empty, Form, Input, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { HTMLAttributes, useEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { ReportSnapshotFieldsFragment } from '../../generated/graphql';
import { CursorPager, useCursors } from '../../shared/CursorPager';
import { applyFieldErrors, ErrorState, FailureAlert } from '../../shared/errors';
import { DATE_FORMAT, formatCount, formatDate, formatDateTime, formatPercentValue } from '../../shared/format';
import { nameRules } from '../../shared/rules';
import { useCreateReportSnapshot, useFrozenReport, useReportSnapshots } from './hooks';
import { dateProblem, formatPoints, measureCode, measureName, TARGETS_FIRST_DATE } from './target-helpers';
import { RulesList, StatusTag } from './target-ui';
import { TargetCards } from './TargetCards';

const METRIC_NAMES = new Map(METRIC_DEFINITIONS.map((d) => [d.id, d.name]));

/**
 * The frozen snapshots (yearly, and on demand), newest first, a page at a time; "Chốt số liệu" (report.snapshot)
 * freezes the report and the targets as of a date; a snapshot opens read-only, for the page's unit or the province.
 */
export function TargetSnapshots({
  unitId,
  canOpenProvince,
  canFreeze,
  defaultAsOf,
}: {
  unitId: string | null;
  canOpenProvince: boolean;
  canFreeze: boolean;
  defaultAsOf: string;
}) {
  const { t, locale } = useLocale();
  const [pageSize, setPageSize] = useState(10);
  const pager = useCursors('');
  const list = useReportSnapshots(pageSize, pager.after);
  const [freezing, setFreezing] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const edges = list.data?.edges ?? [];

  return (
    <Card
      size="small"
      data-testid="targets-snapshots"
      title={t('targets.snapshots')}
      extra={
        canFreeze ? (
          <Button type="primary" icon={<LockOutlined />} onClick={() => setFreezing(true)} data-testid="targets-freeze">
            {t('targets.freeze')}
          </Button>
        ) : null
      }
    >
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<ReportSnapshotFieldsFragment>
            rowKey="id"
            size="small"
            loading={list.isLoading || list.isFetching}
            dataSource={edges.map((e) => e.node)}
            pagination={false}
            data-testid="snapshots-table"
            locale={{ emptyText: <Empty description={t('targets.noSnapshots')} /> }}
            onRow={(s) => ({ 'data-testid': 'snapshot-row', 'data-snapshot-id': s.id }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'label',
                title: t('targets.snapshotLabel'),
                render: (_, s) => (
                  <Typography.Link onClick={() => setOpenId(s.id)} data-testid="snapshot-open">
                    {s.label}
                  </Typography.Link>
                ),
              },
              {
                key: 'kind',
                title: t('targets.snapshotKind'),
                width: 140,
                render: (_, s) => <Tag color={s.kind === 'YEARLY' ? 'purple' : s.kind === 'BASELINE' ? 'gold' : 'default'}>{t(`targets.kind.${s.kind}`, { defaultValue: s.kind })}</Tag>,
              },
              { key: 'asOf', title: t('targets.snapshotAsOf'), width: 130, render: (_, s) => <span data-testid="snapshot-as-of">{formatDate(s.asOf)}</span> },
              { key: 'by', title: t('targets.snapshotBy'), render: (_, s) => s.createdByName ?? t('targets.automatic') },
              { key: 'at', title: t('targets.snapshotAt'), width: 170, render: (_, s) => formatDateTime(s.createdAt) },
              {
                key: 'open',
                title: t('common.actions'),
                width: 110,
                render: (_, s) => (
                  <Button size="small" onClick={() => setOpenId(s.id)} data-testid="snapshot-view">
                    {t('targets.view')}
                  </Button>
                ),
              },
            ]}
          />
          <CursorPager
            pager={pager}
            connection={list.data}
            pageSize={pageSize}
            shown={edges.length}
            loading={list.isFetching}
            onPageSize={(n) => {
              setPageSize(n);
              pager.reset();
            }}
          />
        </>
      )}
      <FreezeModal
        open={freezing}
        defaultAsOf={defaultAsOf}
        onClose={() => setFreezing(false)}
        onFrozen={(s) => {
          setFreezing(false);
          pager.reset();
          setOpenId(s.id);
        }}
      />
      <FrozenDrawer id={openId} unitId={unitId} canOpenProvince={canOpenProvince} onClose={() => setOpenId(null)} locale={locale} />
    </Card>
  );
}

interface FreezeValues {
  asOf: Dayjs | null;
  label: string;
}

/** Date + label, checked here as the API does, then a confirmation: a snapshot never changes afterwards. */
function FreezeModal({
  open,
  defaultAsOf,
  onClose,
  onFrozen,
}: {
  open: boolean;
  defaultAsOf: string;
  onClose: () => void;
  onFrozen: (s: ReportSnapshotFieldsFragment) => void;
}) {
  const { t, locale } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FreezeValues>();
  const create = useCreateReportSnapshot();
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ asOf: dayjs(defaultAsOf), label: '' });
  }, [open, defaultAsOf, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const asOf = values.asOf!.format('YYYY-MM-DD');
    const label = values.label.trim();
    modal.confirm({
      title: t('targets.freezeConfirmTitle', { date: formatDate(asOf) }),
      content: t('targets.freezeConfirm', { label }),
      okText: t('targets.freeze'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'freeze-confirm-ok' } as never,
      onOk: async () => {
        setFailure(null);
        try {
          const s = await create.mutateAsync({ asOf, label });
          void message.success(t('targets.frozenDone', { date: formatDate(s.asOf) }));
          onFrozen(s);
        } catch (error) {
          if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
        }
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('targets.freezeTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('targets.freeze')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'freeze-submit' } as never}
      destroyOnHidden
    >
      <FailureAlert error={failure} />
      <Typography.Paragraph type="secondary">{t('targets.freezeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="asOf"
          label={t('targets.snapshotAsOf')}
          rules={[
            { required: true, message: t('targets.freezeDateRequired') },
            {
              validator: async (_, v: Dayjs | null) => {
                if (!v) return;
                const problem = dateProblem(v.format('YYYY-MM-DD'), dayjs().format('YYYY-MM-DD'));
                if (problem) throw new Error(t(`targets.dateProblem.${problem}`, { first: formatDate(TARGETS_FIRST_DATE), today: formatDate(dayjs().format('YYYY-MM-DD')) }));
              },
            },
          ]}
        >
          <DatePicker format={DATE_FORMAT} data-testid="freeze-as-of" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="label" label={t('targets.snapshotLabel')} rules={nameRules(t)} extra={t('targets.labelHint')}>
          <Input data-testid="freeze-label" maxLength={200} placeholder={t('targets.labelPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A snapshot's frozen targets and figures, read-only. */
function FrozenDrawer({
  id,
  unitId,
  canOpenProvince,
  onClose,
  locale,
}: {
  id: string | null;
  unitId: string | null;
  canOpenProvince: boolean;
  onClose: () => void;
  locale: 'vi' | 'en';
}) {
  const { t } = useLocale();
  const frozen = useFrozenReport(id && (unitId || canOpenProvince) ? id : null, unitId);
  const data = frozen.data;
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={Math.min(1100, typeof window === 'undefined' ? 1100 : window.innerWidth - 40)}
      destroyOnHidden
      title={
        <span data-testid="frozen-title">
          {data ? t('targets.frozenTitle', { label: data.snapshot.label, scope: data.unitName ?? t('targets.wholeProvince') }) : t('targets.snapshots')}
        </span>
      }
    >
      <div data-testid="frozen-body">
        {!unitId && !canOpenProvince ? (
          <Alert type="info" showIcon title={t('targets.chooseUnit')} />
        ) : frozen.isError ? (
          <ErrorState error={frozen.error} onRetry={() => void frozen.refetch()} />
        ) : !data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Alert
              type="warning"
              showIcon
              icon={<LockOutlined />}
              data-testid="frozen-banner"
              title={t('targets.frozenBanner', { date: formatDate(data.snapshot.asOf) })}
              description={t('targets.frozenBannerHint', {
                at: formatDateTime(data.snapshot.createdAt),
                by: data.snapshot.createdByName ?? t('targets.automatic'),
              })}
            />
            {data.targets.length === 0 ? (
              <Empty description={t('targets.empty')} />
            ) : (
              <>
                <TargetCards report={{ targets: data.targets }} frozen />
                <Table
                  size="small"
                  rowKey="targetId"
                  pagination={false}
                  dataSource={data.targets}
                  data-testid="frozen-targets"
                  onRow={(m) => ({ 'data-testid': `frozen-target-${m.targetId}` }) as HTMLAttributes<HTMLElement>}
                  columns={[
                    { key: 'name', title: t('targets.measure'), render: (_, m) => `${measureCode(m.targetId)}. ${measureName(m.targetId, m.name, locale)}` },
                    {
                      key: 'count',
                      title: t('targets.countBase'),
                      align: 'right',
                      render: (_, m) => `${formatCount(m.count, locale)}/${formatCount(m.base, locale)}`,
                    },
                    { key: 'value', title: t('targets.value'), align: 'right', render: (_, m) => <span data-testid="frozen-value">{formatPercentValue(m.value, locale)}</span> },
                    { key: 'target', title: t('targets.target'), align: 'right', render: (_, m) => formatPercentValue(m.target, locale) },
                    { key: 'gap', title: t('targets.gap'), align: 'right', render: (_, m) => (m.gap === null ? '—' : t('targets.points', { value: formatPoints(m.gap, locale) })) },
                    { key: 'status', title: t('targets.statusTitle'), render: (_, m) => <StatusTag status={m.status} testId="frozen-status" /> },
                  ]}
                />
              </>
            )}
            <Card size="small" title={t('targets.frozenFigures')}>
              <Table
                size="small"
                rowKey="metricId"
                pagination={false}
                dataSource={data.figures}
                data-testid="frozen-figures"
                onRow={(f) => ({ 'data-testid': `frozen-figure-${f.metricId}` }) as HTMLAttributes<HTMLElement>}
                locale={{ emptyText: <Empty description={t('targets.empty')} /> }}
                columns={[
                  { key: 'name', title: t('targets.figure'), render: (_, f) => METRIC_NAMES.get(f.metricId)?.[locale] ?? f.name },
                  { key: 'count', title: t('targets.count'), align: 'right', width: 130, render: (_, f) => <span data-testid="figure-count">{formatCount(f.count, locale)}</span> },
                  { key: 'base', title: t('targets.base'), align: 'right', width: 130, render: (_, f) => formatCount(f.base, locale) },
                  { key: 'percent', title: t('targets.value'), align: 'right', width: 110, render: (_, f) => formatPercentValue(f.percent, locale) },
                ]}
              />
            </Card>
            <Card size="small" title={t('targets.rules')}>
              <RulesList rules={data.snapshot.rules} />
            </Card>
          </Space>
        )}
      </div>
    </Drawer>
  );
}
