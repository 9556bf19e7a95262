/**
 * Input limits shared by the API (class-validator) and the SPA (form rules), so both say the same thing.
 */
export const LIMITS = {
  nameMaxLength: 200,
  shortNameMaxLength: 100,
  codeMaxLength: 60,
  reasonMaxLength: 1000,
  searchMaxLength: 100,
  termPattern: /^(\d{4})-(\d{4})$/u,
  quotaMax: 100_000,
  pageSizeMax: 100,
  dateMin: '1945-01-01',
  dateMax: '2100-12-31',
} as const;

/**
 * Names of units, bodies and titles: letters of any script (with their marks), digits, spaces and
 * the punctuation official names use. Excludes HTML and SQL metacharacters such as < > ; " ' ` = and \\.
 */
export const NAME_PATTERN = /^[\p{L}\p{M}\p{N} .,()/&-]+$/u;
/** Machine codes: lower-case latin letters, digits, dot, dash and underscore. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9._-]*$/u;
/** ISO calendar date. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/u;

/** Field error codes carried in BAD_USER_INPUT errors; the SPA translates them. */
export enum FieldErrorCode {
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  INVALID_CHARACTERS = 'INVALID_CHARACTERS',
  INVALID_DATE = 'INVALID_DATE',
  INVALID_VALUE = 'INVALID_VALUE',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE = 'DUPLICATE',
  PERIOD_ORDER = 'PERIOD_ORDER',
}

export interface FieldError {
  /** dotted path of the field, e.g. `input.name` -> `name` */
  field: string;
  code: FieldErrorCode;
  message: string;
}

/** Strict check of an ISO date (rejects 2025-02-30 and the like). */
export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isDateInRange(value: string): boolean {
  return value >= LIMITS.dateMin && value <= LIMITS.dateMax;
}

/** Today's date in ISO form (server local time). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
