import { ActorType, AUTHENTICATED, Permission, PermissionOrPublic, StaffCategory } from '@canbo/shared';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Scope } from './scope';

/** One role assignment of a principal: the role's permissions over a scope of units and staff categories. */
export interface Grant {
  roleId: string;
  roleCode: string;
  permissions: ReadonlySet<Permission>;
  allUnits: boolean;
  unitIds: readonly string[];
  /** null: every category */
  categories: readonly StaffCategory[] | null;
}

/** Who is calling: a signed-in user or a service account, with its grants (loaded on every request). */
export class Principal {
  constructor(
    readonly type: ActorType.USER | ActorType.SERVICE_ACCOUNT,
    readonly id: string,
    readonly name: string,
    readonly grants: readonly Grant[],
    readonly mustChangePassword = false,
  ) {}

  has(permission: Permission): boolean {
    return this.grants.some((g) => g.permissions.has(permission));
  }

  permissions(): Permission[] {
    return [...new Set(this.grants.flatMap((g) => [...g.permissions]))].sort();
  }

  /** Where the principal may use a permission: the union of the grants that carry it. */
  scopeFor(permission: PermissionOrPublic): Scope {
    if (permission === AUTHENTICATED) return new Scope(this.grants);
    return new Scope(this.grants.filter((g) => g.permissions.has(permission as Permission)));
  }
}

export interface ScopedRequest {
  principal?: Principal;
  scope?: Scope;
}

function requestOf(ctx: ExecutionContext): ScopedRequest {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext().req;
  return ctx.switchToHttp().getRequest();
}

/** The authenticated caller (set by the guard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) => requestOf(ctx).principal);

/** The scope of the caller for the operation's declared permission (set by the guard). */
export const CurrentScope = createParamDecorator((_: unknown, ctx: ExecutionContext) => requestOf(ctx).scope);
