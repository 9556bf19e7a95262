import type { Locale } from './labels';

/**
 * Numbers, percents and dates as Vietnamese administrative documents write them (and their English forms), without
 * depending on the ICU data of the runtime: 47.557 and 86,2% in Vietnamese, 47,557 and 86.2% in English, dates
 * dd/mm/yyyy in both. For the SPA, the PDF and XLSX exports and any text generated from figures.
 */

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * A number with thousands grouped: 47.557 in Vietnamese, 47,557 in English. `fractionDigits` fixes the decimals
 * (rounded half away from zero); without it up to three are shown, trailing zeros dropped (1,5; 2).
 */
export function formatNumber(value: number, locale: Locale = 'vi', fractionDigits?: number): string {
  if (!Number.isFinite(value)) return '';
  const { group, decimal } = SEPARATORS[locale];
  const digits = fractionDigits ?? 3;
  const factor = 10 ** digits;
  // round half away from zero on the magnitude (1e-9 absorbs binary noise such as 1.005 * 100 = 100.49999…)
  const scaled = Math.floor(Math.abs(value) * factor + 0.5 + 1e-9);
  const negative = value < 0 && scaled > 0;
  const whole = Math.floor(scaled / factor);
  let fraction = digits > 0 ? String(scaled - whole * factor).padStart(digits, '0') : '';
  if (fractionDigits === undefined) fraction = fraction.replace(/0+$/u, '');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/gu, group);
  return `${negative ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

/** A ratio as a percent with `digits` decimals: 0.862 → 86,2% in Vietnamese, 86.2% in English. */
export function formatPercent(ratio: number, locale: Locale = 'vi', digits = 1): string {
  if (!Number.isFinite(ratio)) return '';
  return `${formatNumber(ratio * 100, locale, digits)}%`;
}

/** A calendar date (YYYY-MM-DD, or the date part of an ISO timestamp) as dd/mm/yyyy, whatever the locale. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The day before a calendar date (YYYY-MM-DD): the last day of a period whose end is exclusive. */
export function dayBefore(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * A period [from, to) as people read it, with its last day: "01/08/2025 – 31/12/2025" for a record that ends from
 * 01/01/2026 (records store the first day no longer covered); `open` when it has no end ("nay", "đến nay").
 */
export function formatPeriod(from: string, to: string | null | undefined, open: string): string {
  return `${formatDate(from)} – ${to ? formatDate(dayBefore(to)) : open}`;
}
