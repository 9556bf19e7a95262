import type { Permission } from '@canbo/shared';
import { useQuery } from '@tanstack/react-query';
import { MeDocument, MyScopesDocument } from '../../generated/graphql';
import { request } from '../../shared/graphql-client';
import { useSession } from '../../shared/session';

export const meKey = ['me'] as const;

/** Who is signed in and what they may do (from `me`). */
export const meQuery = { queryKey: meKey, queryFn: () => request(MeDocument, {}), staleTime: 60_000 };

export function useMe() {
  const session = useSession();
  return useQuery({ ...meQuery, enabled: session.status === 'signedIn' });
}

/** `can(permission)`: whether the signed-in user holds the permission (in some scope). */
export function usePermissions() {
  const me = useMe();
  const granted = new Set(me.data?.me.permissions ?? []);
  return { can: (p: Permission) => granted.has(p), loading: me.isLoading, me: me.data?.me ?? null, error: me.error };
}

/** Whether the signed-in user holds a permission over the whole province (a role assignment on every unit). */
export function useProvinceWide(permission: Permission) {
  return useQuery({
    queryKey: [...meKey, 'scopes'],
    staleTime: 5 * 60_000,
    queryFn: () => request(MyScopesDocument, {}),
    select: ({ me }) => ({ provinceWide: me.assignments.some((a) => a.allUnits && a.role.permissions.includes(permission)) }),
  });
}
