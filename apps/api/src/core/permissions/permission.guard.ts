import { ErrorCode, PermissionOrPublic } from '@canbo/shared';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../errors/app-errors';
import { PERMISSION_METADATA } from './require-permission.decorator';

/**
 * Global guard. Fails closed: a handler that declares no permission is refused. Checking the caller's roles
 * against the declared permission arrives with sign-in (the declaration is already on every handler).
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.get<PermissionOrPublic | undefined>(PERMISSION_METADATA, context.getHandler());
    if (!permission) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Thao tác chưa khai báo quyền', {
        handler: `${context.getClass().name}.${context.getHandler().name}`,
      });
    }
    return true;
  }
}
