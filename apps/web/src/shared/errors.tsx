import { ErrorCode, FieldError } from '@canbo/shared';
import { Alert, Button, FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useLocale } from '../app/i18n';
import { ApiError } from './graphql-client';

/** A sentence for the user about a failed request. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.internal');
  switch (error.code) {
    case 'NETWORK':
      return t('errors.network');
    case ErrorCode.CONFLICT:
      return t('errors.conflict');
    case ErrorCode.NOT_FOUND:
      return t('errors.notFound');
    case ErrorCode.FORBIDDEN:
      return error.reason === 'PASSWORD_CHANGE_REQUIRED' ? t('auth.mustChangePassword') : t('errors.forbidden');
    case ErrorCode.UNAUTHENTICATED:
      return t('auth.sessionExpired');
    case ErrorCode.BAD_USER_INPUT:
      return error.fields.length ? t('errors.badInput') : error.message;
    default:
      return t('errors.internal');
  }
}

/** The message of one field error in the current locale (the server speaks Vietnamese). */
export function fieldMessage(fieldError: FieldError, t: TFunction, locale: string): string {
  return locale === 'vi' ? fieldError.message : t(`fieldError.${fieldError.code}`, { defaultValue: fieldError.message });
}

/**
 * Shows the server's field errors next to the form's fields. Returns true when every error found a field;
 * false when the caller should show a general message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, t: TFunction, locale: string, aliases: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError) || error.code !== ErrorCode.BAD_USER_INPUT || !error.fields.length) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const fields = error.fields.map((f) => ({ name: aliases[f.field] ?? f.field, errors: [fieldMessage(f, t, locale)] }));
  const placed = fields.filter((f) => known.has(f.name));
  form.setFields(placed);
  return placed.length === fields.length;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLocale();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('errors.title')}
      description={errorMessage(error, t)}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

/** Like errorMessage, but spells out the server's field messages (for errors not tied to a form field). */
export function detailedErrorMessage(error: unknown, t: TFunction, locale: string): string {
  if (error instanceof ApiError && error.code === ErrorCode.BAD_USER_INPUT && error.fields.length) {
    return error.fields.map((f) => fieldMessage(f, t, locale)).join('; ');
  }
  return errorMessage(error, t);
}

/**
 * The failure of a form's save that no field explains, shown above the form. On CONFLICT (someone saved a newer
 * version meanwhile) it offers to reload: `onReload` refetches, then the form closes.
 */
export function FailureAlert({ error, onReload, onClose }: { error: unknown; onReload?: () => void; onClose?: () => void }) {
  const { t } = useLocale();
  if (!error) return null;
  const conflict = error instanceof ApiError && error.code === ErrorCode.CONFLICT;
  return (
    <Alert
      type={conflict ? 'warning' : 'error'}
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={errorMessage(error, t)}
      action={
        conflict && onReload ? (
          <Button
            size="small"
            data-testid="failure-reload"
            onClick={() => {
              onReload();
              onClose?.();
            }}
          >
            {t('common.reload')}
          </Button>
        ) : undefined
      }
    />
  );
}
