import type { Permission } from '@canbo/shared';
import { useQuery } from '@tanstack/react-query';
import { MeDocument } from '../../generated/graphql';
import { request } from '../../shared/graphql-client';
import { useSession } from '../../shared/session';

export const meKey = ['me'] as const;

/** Who is signed in and what they may do (from `me`). */
export function useMe() {
  const session = useSession();
  return useQuery({
    queryKey: meKey,
    queryFn: () => request(MeDocument, {}),
    enabled: session.status === 'signedIn',
    staleTime: 60_000,
  });
}

/** `can(permission)`: whether the signed-in user holds the permission (in some scope). */
export function usePermissions() {
  const me = useMe();
  const granted = new Set(me.data?.me.permissions ?? []);
  return { can: (p: Permission) => granted.has(p), loading: me.isLoading, me: me.data?.me ?? null, error: me.error };
}
