import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { AGENCY_BRANCH_LABELS, COMMUNE_LEVEL_KINDS, ErrorCode, PERMISSIONS, UNIT_KIND_LABELS } from '@canbo/shared';
import { Button, Card, Descriptions, Empty, List, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useLocale } from '../../app/i18n';
import { ErrorState } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { ApiError } from '../../shared/graphql-client';
import { BodiesTab } from './BodiesTab';
import { EstablishmentHistory } from './EstablishmentHistory';
import { EstablishmentPanel } from './EstablishmentPanel';
import { PopulationTab } from './PopulationTab';
import { usePermissions } from '../auth/hooks';
import { useUnit } from './hooks';
import { UnitFormModal } from './UnitFormModal';
import { KIND_COLORS } from './UnitListPage';

export function UnitPage() {
  const { id = '' } = useParams();
  const { t, label } = useLocale();
  const query = useUnit(id);
  const [editing, setEditing] = useState(false);
  const { can } = usePermissions();

  if (query.isLoading) return <Skeleton active />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.code === ErrorCode.NOT_FOUND) {
      return (
        <Result
          status="404"
          title={t('errors.notFound')}
          extra={
            <Link to="/units">
              <Button type="primary">{t('common.backToList')}</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  }
  const unit = query.data!.unit;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Link to="/units">
          <Button icon={<ArrowLeftOutlined />}>{t('common.backToList')}</Button>
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="unit-title">
          {unit.name}
        </Typography.Title>
        <Tag color={KIND_COLORS[unit.kind]}>{label(UNIT_KIND_LABELS, unit.kind)}</Tag>
      </Space>

      <Card
        title={t('unit.details')}
        extra={
          can(PERMISSIONS.UNIT_MANAGE) ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-unit">
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('unit.name')}>{unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('unit.shortName')}>{unit.shortName ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('unit.code')}>{unit.code}</Descriptions.Item>
          <Descriptions.Item label={t('unit.kind')}>{label(UNIT_KIND_LABELS, unit.kind)}</Descriptions.Item>
          {unit.branch && <Descriptions.Item label={t('unit.branch')}>{label(AGENCY_BRANCH_LABELS, unit.branch)}</Descriptions.Item>}
          <Descriptions.Item label={t('unit.parent')}>
            {unit.parent ? <Link to={`/units/${unit.parent.id}`}>{unit.parent.name}</Link> : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('unit.validFrom')}>{formatDate(unit.validFrom)}</Descriptions.Item>
          <Descriptions.Item label={t('unit.validTo')}>{unit.validTo ? formatDate(unit.validTo) : t('unit.active')}</Descriptions.Item>
          <Descriptions.Item label={t('common.version')}>{unit.version}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Tabs
        defaultActiveKey="establishment"
        destroyOnHidden
        items={[
          { key: 'establishment', label: t('establishment.tab'), children: <EstablishmentPanel unit={unit} bodies={unit.bodies} /> },
          { key: 'history', label: t('establishment.historyTab'), children: <EstablishmentHistory unitId={unit.id} /> },
          { key: 'bodies', label: t('body.tab'), children: <BodiesTab unit={unit} bodies={unit.bodies} /> },
          ...(COMMUNE_LEVEL_KINDS.includes(unit.kind) ? [{ key: 'population', label: t('population.tab'), children: <PopulationTab unitId={unit.id} /> }] : []),
          {
            key: 'succession',
            label: t('unit.succession'),
            children:
              unit.predecessors.length + unit.successors.length === 0 ? (
                <Empty description={t('unit.noSuccession')} />
              ) : (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <List
                    header={t('unit.predecessors')}
                    dataSource={unit.predecessors}
                    renderItem={(s) => (
                      <List.Item>
                        <Link to={`/units/${s.predecessorId}`}>{s.predecessorId}</Link> · {formatDate(s.effectiveDate)} {s.note}
                      </List.Item>
                    )}
                  />
                  <List
                    header={t('unit.successors')}
                    dataSource={unit.successors}
                    renderItem={(s) => (
                      <List.Item>
                        <Link to={`/units/${s.successorId}`}>{s.successorId}</Link> · {formatDate(s.effectiveDate)} {s.note}
                      </List.Item>
                    )}
                  />
                </Space>
              ),
          },
        ]}
      />
      <UnitFormModal open={editing} onClose={() => setEditing(false)} unit={unit} onReload={() => query.refetch()} />
    </Space>
  );
}
