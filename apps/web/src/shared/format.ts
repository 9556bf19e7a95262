import dayjs from 'dayjs';
import type { Locale } from '@canbo/shared';

/** dd/mm/yyyy, whatever the locale (the administrative convention). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
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
