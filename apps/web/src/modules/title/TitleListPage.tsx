import { PlusOutlined } from '@ant-design/icons';
import { BODY_KIND_LABELS, BodyKind, LIMITS, PERMISSIONS, TITLE_LEVEL_LABELS, TitleLevel } from '@canbo/shared';
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { useLocale } from '../../app/i18n';
import type { TitleFieldsFragment } from '../../generated/graphql';
import { CursorPager, useCursors } from '../../shared/CursorPager';
import { applyFieldErrors, ErrorState, FailureAlert } from '../../shared/errors';
import { formatDate, todayIsoDate } from '../../shared/format';
import { codeRules, nameRules } from '../../shared/rules';
import { usePermissions } from '../auth/hooks';
import { useCreateTitle, useKeyLeadershipTitles, useTitles, useUpdateTitle } from './hooks';

const PAGE_SIZE = 50;

export function TitleListPage() {
  const { t, label } = useLocale();
  const [search, setSearch] = useState('');
  const [level, setLevel] = useState<TitleLevel | null>(null);
  const [editing, setEditing] = useState<TitleFieldsFragment | 'new' | null>(null);
  const canEdit = usePermissions().can(PERMISSIONS.TITLE_MANAGE);
  const pager = useCursors(`${search}|${level}`);
  const query = useTitles({ first: PAGE_SIZE, after: pager.after, filter: { search: search || null, level } });
  const key = useKeyLeadershipTitles(todayIsoDate());
  const keyIds = new Set(key.data?.keyLeadershipTitles.titles.map((x) => x.id) ?? []);
  const connection = query.data?.titles;
  const rows = connection?.edges.map((e) => e.node) ?? [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title.list')}
        </Typography.Title>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('title.create')}
          </Button>
        )}
      </Row>
      {key.data && (
        <Alert
          type="info"
          showIcon
          title={t('title.keyRule', {
            label: key.data.keyLeadershipTitles.rule.versionLabel,
            from: formatDate(key.data.keyLeadershipTitles.rule.validFrom),
          })}
        />
      )}
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('title.searchPlaceholder')}
          maxLength={LIMITS.searchMaxLength}
          onSearch={(v) => setSearch(v.trim())}
          style={{ width: 300 }}
        />
        <Select
          allowClear
          placeholder={t('title.allLevels')}
          style={{ width: 200 }}
          value={level}
          onChange={(v) => setLevel(v ?? null)}
          options={Object.values(TitleLevel).map((l) => ({ value: l, label: label(TITLE_LEVEL_LABELS, l) }))}
        />
      </Space>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <div>
          <Table<TitleFieldsFragment>
            rowKey="id"
            size="middle"
            data-testid="title-table"
            loading={query.isFetching}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: <Empty description={t('title.empty')} /> }}
            columns={[
              {
                key: 'name',
                title: t('title.name'),
                render: (_, x) => (
                  <Space>
                    {x.name}
                    {keyIds.has(x.id) && <Tag color="red">{t('title.keyLeadership')}</Tag>}
                    {!x.active && <Tag>{t('common.no')}</Tag>}
                  </Space>
                ),
              },
              { key: 'code', title: t('title.code'), dataIndex: 'code' },
              { key: 'level', title: t('title.level'), render: (_, x) => label(TITLE_LEVEL_LABELS, x.level) },
              { key: 'body', title: t('title.bodyKind'), render: (_, x) => label(BODY_KIND_LABELS, x.bodyKind) },
              { key: 'class', title: t('title.equivalenceClass'), dataIndex: 'equivalenceClass' },
              {
                key: 'actions',
                title: t('common.actions'),
                render: (_, x) =>
                  canEdit ? (
                    <Button size="small" onClick={() => setEditing(x)}>
                      {t('common.edit')}
                    </Button>
                  ) : null,
              },
            ]}
          />
          {connection && (
            <CursorPager
              pager={pager}
              connection={connection}
              pageSize={PAGE_SIZE}
              shown={rows.length}
              loading={query.isFetching}
              onPageSize={() => undefined}
            />
          )}
        </div>
      )}
      <TitleFormModal title={editing === 'new' ? undefined : (editing ?? undefined)} open={editing !== null} onClose={() => setEditing(null)} />
    </Space>
  );
}

interface Values {
  code?: string;
  name: string;
  level: TitleLevel;
  bodyKind?: BodyKind | null;
  equivalenceClass: string;
  sortOrder?: number;
  active?: boolean;
}

function TitleFormModal({ title, open, onClose }: { title?: TitleFieldsFragment; open: boolean; onClose: () => void }) {
  const { t, locale, label } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTitle();
  const update = useUpdateTitle();
  const [failure, setFailure] = useState<unknown>(null);

  useLayoutEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(
      title
        ? { name: title.name, level: title.level, bodyKind: title.bodyKind, equivalenceClass: title.equivalenceClass, sortOrder: title.sortOrder, active: title.active }
        : { level: TitleLevel.COMMUNE, sortOrder: 1000, active: true },
    );
  }, [open, title, form]);

  const submit = async (v: Values) => {
    setFailure(null);
    try {
      if (title) {
        await update.mutateAsync({
          id: title.id,
          version: title.version,
          name: v.name,
          level: v.level,
          bodyKind: v.bodyKind ?? null,
          equivalenceClass: v.equivalenceClass,
          sortOrder: v.sortOrder,
          active: v.active,
        });
      } else {
        await create.mutateAsync({
          code: v.code!,
          name: v.name,
          level: v.level,
          bodyKind: v.bodyKind ?? null,
          equivalenceClass: v.equivalenceClass,
          sortOrder: v.sortOrder,
        });
      }
      message.success(t('title.saved'));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, t, locale)) setFailure(error);
    }
  };

  return (
    <Modal
      open={open}
      title={title ? t('title.edit') : t('title.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <FailureAlert error={failure} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} name="title-form">
        {!title && (
          <Form.Item name="code" label={t('title.code')} rules={codeRules(t)}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('title.name')} rules={nameRules(t)}>
          <Input />
        </Form.Item>
        <Form.Item name="level" label={t('title.level')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={Object.values(TitleLevel).map((l) => ({ value: l, label: label(TITLE_LEVEL_LABELS, l) }))} />
        </Form.Item>
        <Form.Item name="bodyKind" label={t('title.bodyKind')}>
          <Select allowClear options={Object.values(BodyKind).map((k) => ({ value: k, label: label(BODY_KIND_LABELS, k) }))} />
        </Form.Item>
        <Form.Item name="equivalenceClass" label={t('title.equivalenceClass')} rules={codeRules(t)}>
          <Input placeholder="commune.department_head" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('title.sortOrder')}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {title && (
          <Form.Item name="active" label={t('title.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
