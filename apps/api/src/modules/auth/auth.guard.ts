import { AUTHENTICATED, ErrorCode, PermissionOrPublic, PUBLIC } from '@canbo/shared';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '../../core/errors/app-errors';
import { setCurrentActor } from '../../core/logging/request-context';
import { Principal, ScopedRequest } from '../../core/permissions/principal';
import { PERMISSION_METADATA } from '../../core/permissions/require-permission.decorator';
import { AuthErrors } from './auth.errors';

/**
 * The global guard: every handler declares its permission (none: refused). It authenticates the caller
 * (access token or API key), checks the permission against the caller's roles, and hands the scope of that
 * permission to the handler (`@CurrentScope()`), which filters in SQL.
 */
@Injectable()
export class PermissionGuard extends AuthGuard(['jwt', 'api-key']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  getRequest(context: ExecutionContext) {
    if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
    return context.switchToHttp().getRequest();
  }

  handleRequest<T>(error: unknown, principal: T): T {
    if (error) throw error;
    if (!principal) throw AuthErrors.unauthenticated();
    return principal;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.get<PermissionOrPublic | undefined>(PERMISSION_METADATA, context.getHandler());
    if (!permission) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Thao tác chưa khai báo quyền', {
        handler: `${context.getClass().name}.${context.getHandler().name}`,
      });
    }
    if (permission === PUBLIC) return true;
    await super.canActivate(context);
    const req = this.getRequest(context) as ScopedRequest & { user?: Principal };
    const principal = req.user!;
    setCurrentActor({ type: principal.type, id: principal.id, name: principal.name });
    req.principal = principal;
    if (principal.mustChangePassword && permission !== AUTHENTICATED) throw AuthErrors.passwordChangeRequired();
    if (permission !== AUTHENTICATED && !principal.has(permission)) throw AuthErrors.forbidden(permission);
    req.scope = principal.scopeFor(permission);
    return true;
  }
}
