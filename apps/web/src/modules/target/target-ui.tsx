import { Tag, Typography } from 'antd';
import { useLocale } from '../../app/i18n';
import { formatDate } from '../../shared/format';
import type { TargetsQuery } from '../../generated/graphql';
import { statusLabel, statusStyle } from './target-helpers';

export type TargetReport = TargetsQuery['targets'];
export type TargetMeasure = TargetReport['targets'][number];

/** The situation report page of a unit on a date (its search parameters: asOf, unit). */
export function reportLink(asOf: string | null, unitId: string | null): string {
  const q = new URLSearchParams();
  if (asOf) q.set('asOf', asOf);
  if (unitId) q.set('unit', unitId);
  const s = q.toString();
  return `/reports/situation${s ? `?${s}` : ''}`;
}

/** A status tag: colour and words. */
export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { locale } = useLocale();
  return (
    <Tag color={statusStyle(status).tag} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {statusLabel(status, locale)}
    </Tag>
  );
}

/** The rule versions the values were computed and judged by. */
export function RulesList({ rules }: { rules: readonly { key: string; versionLabel: string; validFrom: string; validTo: string | null }[] }) {
  const { t } = useLocale();
  if (rules.length === 0) return <Typography.Text type="secondary">{t('targets.noRules')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="rules-list">
      {rules.map((r) => (
        <li key={`${r.key}-${r.validFrom}`}>
          <strong>{t(`targets.ruleKey.${r.key}`, { defaultValue: r.key })}</strong>: {r.versionLabel} (
          {r.validTo
            ? t('targets.ruleValidBetween', { from: formatDate(r.validFrom), to: formatDate(r.validTo) })
            : t('targets.ruleValidFrom', { from: formatDate(r.validFrom) })}
          )
        </li>
      ))}
    </ul>
  );
}
