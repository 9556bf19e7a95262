import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Divider, Progress, Row, Space, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useLocale } from '../../app/i18n';
import { formatCount, formatDate, formatPercentValue } from '../../shared/format';
import { definitionOf, formatPoints, measureCode, measureName, progressOf, statusStyle } from './target-helpers';
import { StatusTag, TargetMeasure, TargetReport } from './target-ui';

/** The five targets, one card each (target 2 with its two measures). */
export function TargetCards({ report, loading, frozen = false }: { report: Pick<TargetReport, 'targets'> & Partial<TargetReport>; loading?: boolean; frozen?: boolean }) {
  const groups = useMemo(() => {
    const byNumber = new Map<number, TargetMeasure[]>();
    for (const m of report.targets) byNumber.set(m.number, [...(byNumber.get(m.number) ?? []), m]);
    return [...byNumber.entries()].sort((a, b) => a[0] - b[0]);
  }, [report.targets]);
  const { t } = useLocale();
  return (
    <Row gutter={[16, 16]} data-testid={frozen ? 'frozen-target-cards' : 'target-cards'} style={{ opacity: loading ? 0.6 : 1 }}>
      {groups.map(([number, measures]) => (
        <Col key={number} xs={24} md={12} xl={measures.length > 1 ? 16 : 8}>
          <Card
            size="small"
            style={{ height: '100%' }}
            title={t('targets.cardTitle', { number })}
            data-testid={`target-card-${number}`}
          >
            <Row gutter={[24, 12]}>
              {measures.map((m, i) => (
                <Col key={m.targetId} xs={24} xl={measures.length > 1 ? 12 : 24}>
                  {i > 0 && measures.length > 1 && <Divider style={{ margin: '4px 0 12px' }} className="target-measure-divider" />}
                  <MeasureBlock measure={m} report={report} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function MeasureBlock({ measure: m, report }: { measure: TargetMeasure; report: Partial<TargetReport> }) {
  const { t, locale } = useLocale();
  const def = definitionOf(m.targetId);
  const style = statusStyle(m.status);
  const unitWord = def?.counts === 'units' ? t('targets.unitsWord') : t('targets.peopleWord');
  const progress = progressOf(m.value, m.target);
  const value = formatPercentValue(m.value, locale);
  return (
    <div data-testid={`target-${m.targetId}`}>
      <Space size={6} align="start">
        <Typography.Text strong>
          {measureCode(m.targetId)}. {measureName(m.targetId, m.name, locale)}
        </Typography.Text>
        {def && (
          <Tooltip title={def.description[locale]}>
            <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} aria-label={def.description[locale]} />
          </Tooltip>
        )}
      </Space>
      <Space align="baseline" size="middle" style={{ margin: '6px 0', display: 'flex' }} wrap>
        <Typography.Text style={{ fontSize: 28, fontWeight: 600, color: m.value === null ? '#8c8c8c' : undefined }} data-testid="target-value">
          {value}
        </Typography.Text>
        <StatusTag status={m.status} testId="target-status" />
      </Space>
      <Progress
        percent={progress}
        showInfo={false}
        strokeColor={style.stroke}
        size="small"
        aria-label={t('targets.progressLabel', { value, target: formatPercentValue(m.target, locale) })}
      />
      <dl className="target-facts" style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 2, margin: '6px 0 0' }}>
        <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{t('targets.target')}</dt>
        <dd style={{ margin: 0 }} data-testid="target-target">
          {formatPercentValue(m.target, locale)}
        </dd>
        <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{t('targets.gap')}</dt>
        <dd style={{ margin: 0 }} data-testid="target-gap">
          {m.gap === null ? '—' : t('targets.points', { value: formatPoints(m.gap, locale) })}
        </dd>
        <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{t('targets.countBase')}</dt>
        <dd style={{ margin: 0 }} data-testid="target-count">
          {formatCount(m.count, locale)}/{formatCount(m.base, locale)} {unitWord}
        </dd>
        <dt style={{ color: 'rgba(0,0,0,0.55)' }}>
          {report.baselineDate ? t('targets.baselineOn', { date: formatDate(report.baselineDate) }) : t('targets.baseline')}
        </dt>
        <dd style={{ margin: 0 }} data-testid="target-baseline">
          {formatPercentValue(m.baseline, locale)}
        </dd>
        <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{t('targets.expected')}</dt>
        <dd style={{ margin: 0 }} data-testid="target-expected">
          {formatPercentValue(m.expected, locale)}
        </dd>
        {m.targetId === 'RATED_GOOD' && report.ratingYear !== undefined && (
          <>
            <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{t('targets.ratingYear')}</dt>
            <dd style={{ margin: 0 }}>{report.ratingYear ?? '—'}</dd>
          </>
        )}
        {m.targetId === 'COMMITTEE_MINORITY' && report.minorityTolerancePoints !== undefined && (
          <>
            <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{t('targets.tolerance')}</dt>
            <dd style={{ margin: 0 }}>{t('targets.points', { value: formatPoints(report.minorityTolerancePoints, locale) })}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

