import { PlusOutlined } from '@ant-design/icons';
import { PERMISSIONS } from '@canbo/shared';
import { App, Button, DatePicker, Empty, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { UnitPopulationFieldsFragment } from '../../generated/graphql';
import { applyFieldErrors, ErrorState, FailureAlert } from '../../shared/errors';
import { DATE_FORMAT, formatDate, formatNumber, formatPercentValue, formatPeriod, toIsoDate } from '../../shared/format';
import { usePermissions } from '../auth/hooks';
import { useAddUnitPopulation, useUnitPopulations } from './hooks';

interface Values {
  validFrom?: Dayjs;
  population?: number;
  ethnicMinorityShare?: number;
  source?: string;
}

/**
 * A commune-level unit's population and ethnic-minority share by date (target 5 compares its party committee's
 * minority share with it): the versions, and a new version from a date (the one in force then ends).
 */
export function PopulationTab({ unitId }: { unitId: string }) {
  const { t, locale } = useLocale();
  const { can } = usePermissions();
  const query = useUnitPopulations(unitId);
  const [open, setOpen] = useState(false);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const rows = query.data?.unitPopulations ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text type="secondary">{t('population.hint')}</Typography.Text>
        {can(PERMISSIONS.UNIT_MANAGE) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="population-add">
            {t('population.add')}
          </Button>
        )}
      </Space>
      <Table<UnitPopulationFieldsFragment>
        rowKey="id"
        size="small"
        data-testid="population-history"
        loading={query.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description={t('population.empty')} /> }}
        columns={[
          {
            key: 'period',
            title: t('population.period'),
            render: (_, r) => formatPeriod(r.validFrom, r.validTo, t('establishment.open')),
          },
          { key: 'population', title: t('population.population'), align: 'right', render: (_, r) => formatNumber(r.population, locale) },
          {
            key: 'share',
            title: t('population.share'),
            align: 'right',
            render: (_, r) => formatPercentValue(r.ethnicMinorityShare, locale, 2),
          },
          { key: 'source', title: t('population.source'), render: (_, r) => r.source ?? '' },
          {
            key: 'state',
            title: '',
            render: (_, r) => (r.validTo ? <Tag>{t('population.ended')}</Tag> : <Tag color="success">{t('population.inForce')}</Tag>),
          },
        ]}
      />
      <PopulationModal unitId={unitId} open={open} latest={rows[0]?.validFrom ?? null} onClose={() => setOpen(false)} />
    </Space>
  );
}

function PopulationModal({ unitId, open, latest, onClose }: { unitId: string; open: boolean; latest: string | null; onClose: () => void }) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const add = useAddUnitPopulation(unitId);

  const close = () => {
    form.resetFields();
    setFailure(null);
    onClose();
  };
  const save = async (values: Values) => {
    setFailure(null);
    try {
      await add.mutateAsync({
        unitId,
        validFrom: toIsoDate(values.validFrom)!,
        population: values.population!,
        ethnicMinorityShare: values.ethnicMinorityShare!,
        source: values.source!.trim(),
      });
      message.success(t('population.saved'));
      close();
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('population.add')}
      onCancel={close}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      forceRender
    >
      <FailureAlert error={failure} />
      <Form<Values> form={form} name="unit-population" layout="vertical" onFinish={save} initialValues={{ validFrom: dayjs() }}>
        <Form.Item
          name="validFrom"
          label={t('population.validFrom')}
          extra={latest ? t('population.after', { date: formatDate(latest) }) : undefined}
          rules={[
            { required: true, message: t('validation.required') },
            {
              validator: (_, v: Dayjs | undefined) =>
                v && latest && toIsoDate(v)! <= latest ? Promise.reject(new Error(t('population.notAfter', { date: formatDate(latest) }))) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker format={DATE_FORMAT} data-testid="population-valid-from" />
        </Form.Item>
        <Form.Item
          name="population"
          label={t('population.population')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'number', min: 0, message: t('validation.min0') },
            { type: 'number', max: 10_000_000, message: t('validation.max', { max: formatNumber(10_000_000, locale) }) },
          ]}
        >
          <InputNumber precision={0} style={{ width: 200 }} data-testid="population-population" />
        </Form.Item>
        <Form.Item
          name="ethnicMinorityShare"
          label={t('population.share')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'number', min: 0, max: 100, message: t('population.shareRange') },
          ]}
        >
          <InputNumber precision={2} decimalSeparator={locale === 'vi' ? ',' : '.'} suffix="%" style={{ width: 200 }} data-testid="population-share" />
        </Form.Item>
        <Form.Item name="source" label={t('population.source')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
          <Input placeholder={t('population.sourcePlaceholder')} data-testid="population-source" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
