import { PlusOutlined } from '@ant-design/icons';
import {
  PERMISSIONS,
  POLITICAL_THEORY_LEVEL_LABELS,
  PoliticalTheoryLevel,
  PoliticalTheoryStandardValue,
  politicalTheoryStandardProblem,
  RuleKey,
  TARGET_DEFINITIONS,
  TargetId,
  TargetsValue,
  targetsValueProblem,
} from '@canbo/shared';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { RuleSettingFieldsFragment } from '../../generated/graphql';
import { applyFieldErrors, ErrorState, FailureAlert } from '../../shared/errors';
import { DATE_FORMAT, formatDate, formatDateTime, formatNumber, formatPeriod, toIsoDate } from '../../shared/format';
import { usePermissions } from '../auth/hooks';
import { useAddRuleVersion, useRuleVersions } from './hooks';

const STANDARD_KEYS: (keyof PoliticalTheoryStandardValue)[] = [
  'keyTitles',
  'standingCommittee',
  'cadresAndCivilServants',
  'publicEmployeeManagers',
  'publicEmployees',
];
const NONE = 'NONE';

/** The version in force today (the latest that has begun), or the latest one. */
function inForce(versions: RuleSettingFieldsFragment[]): RuleSettingFieldsFragment | undefined {
  const today = dayjs().format('YYYY-MM-DD');
  return versions.find((v) => v.validFrom <= today && (!v.validTo || v.validTo > today)) ?? versions[0];
}

/**
 * The rule data of the five targets, as dated versions: the target values, baseline, deadline and tolerance
 * (TARGETS), and the political-theory standard of each kind of post (POLITICAL_THEORY_STANDARD). A new version
 * applies from its date; the one in force then ends. Checked here by the same shared rules as on the server.
 */
export function TargetRulesPage() {
  const { t } = useLocale();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('targetRules.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('targetRules.hint')}</Typography.Text>
      </div>
      <RuleCard ruleKey={RuleKey.TARGETS} title={t('targetRules.targets')} render={(v) => <TargetsView value={v as TargetsValue} />} Editor={TargetsEditor} />
      <RuleCard
        ruleKey={RuleKey.POLITICAL_THEORY_STANDARD}
        title={t('targetRules.standard')}
        render={(v) => <StandardView value={v as PoliticalTheoryStandardValue} />}
        Editor={StandardEditor}
      />
    </Space>
  );
}

interface EditorProps {
  current: unknown;
  open: boolean;
  onClose: () => void;
}

function RuleCard({
  ruleKey,
  title,
  render,
  Editor,
}: {
  ruleKey: RuleKey;
  title: string;
  render: (value: unknown) => React.ReactNode;
  Editor: (p: EditorProps) => React.ReactNode;
}) {
  const { t } = useLocale();
  const { can } = usePermissions();
  const query = useRuleVersions(ruleKey);
  const [open, setOpen] = useState(false);
  if (query.isLoading) return <Skeleton active />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const versions = query.data!.ruleSettingVersions;
  const current = inForce(versions);
  return (
    <Card
      title={title}
      data-testid={`rule-${ruleKey}`}
      extra={
        can(PERMISSIONS.RULE_MANAGE) && current ? (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid={`rule-add-${ruleKey}`}>
            {t('targetRules.addVersion')}
          </Button>
        ) : null
      }
    >
      {current ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('targetRules.inForce', { label: current.versionLabel, from: formatDate(current.validFrom) })}
          </Typography.Text>
          {render(current.value)}
          <Table<RuleSettingFieldsFragment>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={versions}
            title={() => t('targetRules.versions')}
            columns={[
              { key: 'label', title: t('targetRules.versionLabel'), dataIndex: 'versionLabel' },
              {
                key: 'period',
                title: t('targetRules.period'),
                render: (_, v) => formatPeriod(v.validFrom, v.validTo, t('establishment.open')),
              },
              { key: 'recorded', title: t('targetRules.recordedAt'), render: (_, v) => formatDateTime(v.recordedAt) },
              { key: 'state', title: '', render: (_, v) => (v.id === current.id ? <Tag color="success">{t('population.inForce')}</Tag> : null) },
            ]}
          />
        </Space>
      ) : (
        <Empty description={t('targetRules.none')} />
      )}
      {current && <Editor current={current.value} open={open} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function TargetsView({ value }: { value: TargetsValue }) {
  const { t, locale } = useLocale();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('targetRules.baselineDate')}>{formatDate(value.baselineDate)}</Descriptions.Item>
        <Descriptions.Item label={t('targetRules.deadline')}>{formatDate(value.deadline)}</Descriptions.Item>
        <Descriptions.Item label={t('targetRules.snapshotDay')}>{value.yearlySnapshotDay.split('-').reverse().join('/')}</Descriptions.Item>
        <Descriptions.Item label={t('targetRules.tolerance')}>
          {t('targetRules.points', { value: formatNumber(value.minorityTolerancePoints, locale) })}
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={TARGET_DEFINITIONS.map((d) => ({ id: d.id, number: d.number, name: d.name[locale], target: value.targets[d.id] }))}
        columns={[
          { key: 'number', title: t('targetRules.number'), dataIndex: 'number', width: 90 },
          { key: 'name', title: t('targetRules.measure'), dataIndex: 'name' },
          { key: 'target', title: t('targetRules.targetValue'), align: 'right', render: (_, r) => `${formatNumber(r.target, locale)}%` },
        ]}
      />
    </Space>
  );
}

function StandardView({ value }: { value: PoliticalTheoryStandardValue }) {
  const { t, label } = useLocale();
  return (
    <Descriptions size="small" column={1} bordered>
      {STANDARD_KEYS.map((k) => (
        <Descriptions.Item key={k} label={t(`targetRules.posts.${k}`)}>
          {value[k] ? label(POLITICAL_THEORY_LEVEL_LABELS, value[k]) : t('targetRules.noRequirement')}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

interface VersionValues {
  versionLabel?: string;
  validFrom?: Dayjs;
}

/** The shared part of both editors: label, date, the server's answer, a check by the shared rule before saving. */
function useVersionSave(key: RuleKey, onClose: () => void) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const add = useAddRuleVersion();
  const [failure, setFailure] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (form: ReturnType<typeof Form.useForm>[0], values: VersionValues, value: unknown, check: (v: unknown) => string | null) => {
    setFailure(null);
    const found = check(value);
    setProblem(found);
    if (found) return;
    try {
      await add.mutateAsync({ key, versionLabel: values.versionLabel!.trim(), validFrom: toIsoDate(values.validFrom)!, value });
      message.success(t('targetRules.saved'));
      setProblem(null);
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };
  const reset = () => {
    setFailure(null);
    setProblem(null);
  };
  return { save, failure, problem, pending: add.isPending, reset };
}

/** The dialog of a new version: the server's answer, or what the shared rule finds wrong, above the form. */
function VersionModal(p: {
  open: boolean;
  width: number;
  what: string;
  onClose: () => void;
  pending: boolean;
  onOk: () => void;
  failure: unknown;
  problem: string | null;
  children: React.ReactNode;
}) {
  const { t } = useLocale();
  return (
    <Modal
      open={p.open}
      width={p.width}
      title={t('targetRules.addVersionOf', { what: p.what })}
      onCancel={p.onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={p.pending}
      onOk={p.onOk}
      forceRender
    >
      <FailureAlert error={p.failure} />
      {p.problem && <Alert type="error" showIcon title={p.problem} style={{ marginBottom: 12 }} data-testid="rule-problem" />}
      {p.children}
    </Modal>
  );
}

function VersionFields() {
  const { t } = useLocale();
  return (
    <>
      <Form.Item name="versionLabel" label={t('targetRules.versionLabel')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
        <Input placeholder={t('targetRules.versionPlaceholder')} data-testid="rule-version-label" />
      </Form.Item>
      <Form.Item name="validFrom" label={t('targetRules.validFrom')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker format={DATE_FORMAT} data-testid="rule-valid-from" />
      </Form.Item>
    </>
  );
}

function TargetsEditor({ current, open, onClose }: EditorProps) {
  const { t, locale } = useLocale();
  const value = current as TargetsValue;
  const [form] = Form.useForm();
  const close = () => {
    form.resetFields();
    reset();
    onClose();
  };
  const { save, failure, problem, pending, reset } = useVersionSave(RuleKey.TARGETS, close);
  const submit = (v: VersionValues & { targets: Record<TargetId, number>; tolerance: number; baselineDate: Dayjs; deadline: Dayjs; snapshotDay: string }) =>
    save(
      form,
      v,
      {
        baselineDate: toIsoDate(v.baselineDate),
        deadline: toIsoDate(v.deadline),
        yearlySnapshotDay: v.snapshotDay.split('/').reverse().join('-'),
        targets: v.targets,
        minorityTolerancePoints: v.tolerance,
      },
      targetsValueProblem,
    );
  const decimal = locale === 'vi' ? ',' : '.';
  return (
    <VersionModal open={open} width={720} what={t('targetRules.targets')} onClose={close} pending={pending} onOk={() => form.submit()} failure={failure} problem={problem}>
      <Form
        form={form}
        name="targets-version"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          targets: value.targets,
          tolerance: value.minorityTolerancePoints,
          baselineDate: dayjs(value.baselineDate),
          deadline: dayjs(value.deadline),
          snapshotDay: value.yearlySnapshotDay.split('-').reverse().join('/'),
        }}
      >
        <VersionFields />
        {TARGET_DEFINITIONS.map((d) => (
          <Form.Item
            key={d.id}
            name={['targets', d.id]}
            label={`(${d.number}) ${d.name[locale]}`}
            rules={[
              { required: true, message: t('validation.required') },
              { type: 'number', min: 0, max: 100, message: t('targetRules.percentRange') },
            ]}
          >
            <InputNumber precision={1} decimalSeparator={decimal} suffix="%" data-testid={`rule-target-${d.id}`} />
          </Form.Item>
        ))}
        <Form.Item
          name="tolerance"
          label={t('targetRules.tolerance')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'number', min: 0, max: 100, message: t('targetRules.toleranceRange') },
          ]}
        >
          <InputNumber precision={1} decimalSeparator={decimal} data-testid="rule-tolerance" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="baselineDate" label={t('targetRules.baselineDate')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="deadline" label={t('targetRules.deadline')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item
            name="snapshotDay"
            label={t('targetRules.snapshotDay')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: /^\d{2}\/\d{2}$/, message: t('targetRules.snapshotDayFormat') },
            ]}
          >
            <Input style={{ width: 120 }} placeholder="31/12" />
          </Form.Item>
        </Space>
      </Form>
    </VersionModal>
  );
}

function StandardEditor({ current, open, onClose }: EditorProps) {
  const { t, label } = useLocale();
  const value = current as PoliticalTheoryStandardValue;
  const [form] = Form.useForm();
  const close = () => {
    form.resetFields();
    reset();
    onClose();
  };
  const { save, failure, problem, pending, reset } = useVersionSave(RuleKey.POLITICAL_THEORY_STANDARD, close);
  const options = [
    { value: NONE, label: t('targetRules.noRequirement') },
    ...[PoliticalTheoryLevel.ELEMENTARY, PoliticalTheoryLevel.INTERMEDIATE, PoliticalTheoryLevel.ADVANCED].map((l) => ({
      value: l,
      label: label(POLITICAL_THEORY_LEVEL_LABELS, l),
    })),
  ];
  const submit = (v: VersionValues & Record<keyof PoliticalTheoryStandardValue, string>) =>
    save(form, v, Object.fromEntries(STANDARD_KEYS.map((k) => [k, v[k] === NONE ? null : v[k]])), politicalTheoryStandardProblem);
  return (
    <VersionModal open={open} width={640} what={t('targetRules.standard')} onClose={close} pending={pending} onOk={() => form.submit()} failure={failure} problem={problem}>
      <Form form={form} name="standard-version" layout="vertical" onFinish={submit} initialValues={Object.fromEntries(STANDARD_KEYS.map((k) => [k, value[k] ?? NONE]))}>
        <VersionFields />
        {STANDARD_KEYS.map((k) => (
          <Form.Item key={k} name={k} label={t(`targetRules.posts.${k}`)} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={options} style={{ maxWidth: 320 }} data-testid={`rule-standard-${k}`} />
          </Form.Item>
        ))}
      </Form>
    </VersionModal>
  );
}
