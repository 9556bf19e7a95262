import dayjs from 'dayjs';
import { formatPeriod as sharedFormatPeriod, type Locale } from '@canbo/shared';

/** dd/mm/yyyy, whatever the locale (the administrative convention). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** A record's period [from, to) with its last day shown (to − 1 day): "01/08/2025 – 31/12/2025", or "… – `open`". */
export function formatPeriod(from: string, to: string | null | undefined, open: string): string {
  return sharedFormatPeriod(from, to, open);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso).format('DD/MM/YYYY HH:mm:ss');
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-GB'),
};

/** 47.557 in Vietnamese, 47,557 in English. */
export function formatNumber(value: number, locale: Locale = 'vi'): string {
  return numberFormats[locale].format(value);
}

/** 86,2% in Vietnamese, 86.2% in English. */
export function formatPercent(ratio: number, locale: Locale = 'vi', digits = 1): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
    .format(ratio)
    .replace(/\s/g, '');
}

export function toIsoDate(value: dayjs.Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

export function todayIsoDate(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** What a table cell shows for a missing value (no base, a base of 0): never NaN nor 0%. */
/** The date pickers' display format (dd/mm/yyyy). */
export const DATE_FORMAT = 'DD/MM/YYYY';

export const NO_VALUE = '—';

/** A count or base of a report: 47.557, or — when absent or not a finite number. */
export function formatCount(value: number | null | undefined, locale: Locale = 'vi'): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : formatNumber(value, locale);
}

/**
 * A percent as the API gives it (86.2 for 86,2%, already rounded): 86,2% in Vietnamese, 86.2% in English, with
 * `digits` decimals; — when absent (no base, or a base of 0) or not a finite number.
 */
export function formatPercentValue(percent: number | null | undefined, locale: Locale = 'vi', digits = 1): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return NO_VALUE;
  return formatPercent(percent / 100, locale, digits);
}
