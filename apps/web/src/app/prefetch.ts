import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from '../modules/auth/hooks';
import { prefetchTargetsPage } from '../modules/target/hooks';
import { todayIsoDate } from '../shared/format';

/**
 * At start, once the session is resumed: who is signed in (every page waits for it), and the first data of the
 * pages that aggregate the most (their queries then overlap the app's first renders instead of following them).
 */
export function prefetchRoute(client: QueryClient, location: Pick<Location, 'pathname' | 'search'>): void {
  void client.prefetchQuery(meQuery);
  const search = new URLSearchParams(location.search);
  if (location.pathname === '/targets') prefetchTargetsPage(client, search, todayIsoDate());
}
