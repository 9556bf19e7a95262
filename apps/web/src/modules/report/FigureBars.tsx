import { Typography } from 'antd';
import { useLocale } from '../../app/i18n';
import { formatCount, formatPercentValue } from '../../shared/format';
import { barPercent } from './report-figures';

export interface BarFigure {
  metricId: string;
  name: string;
  count: number;
  base: number | null;
  percent: number | null;
}

const PRIMARY = '#b71c1c';

/**
 * A bar per figure with a base: the track is the base (approved posts, planned seats, the population), the filled
 * part the count. Plain CSS (no chart library); each bar says its numbers in words for screen readers, and a click
 * opens the figure's drill-down like its row in the table below.
 */
export function FigureBars({ figures, onOpen, testId }: { figures: readonly BarFigure[]; onOpen?: (metricId: string) => void; testId?: string }) {
  const { t, locale } = useLocale();
  const drawn = figures.filter((f) => f.base !== null && f.base > 0);
  if (drawn.length === 0) return null;
  return (
    <div data-testid={testId} style={{ display: 'grid', gap: 10, marginBottom: 16 }}>
      {drawn.map((f) => {
        const width = barPercent(f.count, f.base);
        const words = t('report.barLabel', {
          name: f.name,
          count: formatCount(f.count, locale),
          base: formatCount(f.base, locale),
          percent: formatPercentValue(f.percent, locale),
        });
        return (
          <div
            key={f.metricId}
            role={onOpen ? 'button' : 'img'}
            tabIndex={onOpen ? 0 : undefined}
            aria-label={words}
            title={words}
            data-testid={`report-bar-${f.metricId}`}
            onClick={onOpen ? () => onOpen(f.metricId) : undefined}
            onKeyDown={onOpen ? (e) => (e.key === 'Enter' || e.key === ' ') && onOpen(f.metricId) : undefined}
            style={{ cursor: onOpen ? 'pointer' : undefined }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, fontSize: 13 }}>
              <Typography.Text ellipsis style={{ maxWidth: '70%' }}>
                {f.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {formatCount(f.count, locale)} / {formatCount(f.base, locale)} · <strong>{formatPercentValue(f.percent, locale)}</strong>
              </Typography.Text>
            </div>
            <div aria-hidden style={{ height: 12, background: '#f0f0f0', borderRadius: 6, overflow: 'hidden', marginTop: 2 }}>
              <div style={{ width: `${width}%`, height: '100%', background: PRIMARY, opacity: 0.85, borderRadius: 6 }} />
            </div>
          </div>
        );
      })}
    </div>
  );
}
