import { AuthRouteError } from '../../shared/session';

/** The sentence for a failed sign-in. */
export function signInErrorMessage(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(error instanceof AuthRouteError)) return t('errors.internal');
  if (error.code === 'NETWORK') return t('errors.network');
  if (error.code === 'TOO_MANY_REQUESTS' || error.status === 429)
    return t('auth.throttled', { seconds: error.retryAfter ?? 60 });
  if (error.reason === 'ACCOUNT_LOCKED') return t('auth.locked');
  if (error.code === 'UNAUTHENTICATED' || error.status === 401) return t('auth.badCredentials');
  if (error.code === 'BAD_USER_INPUT') return t('auth.badCredentials');
  return t('errors.internal');
}
