import { ErrorCode, PERMISSIONS, PUBLIC } from '@canbo/shared';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import { PermissionGuard } from '../permission.guard';
import { RequirePermission } from '../require-permission.decorator';

class Handlers {
  @RequirePermission(PERMISSIONS.UNIT_READ)
  declared() {}
  @RequirePermission(PUBLIC)
  open() {}
  undeclared() {}
}

const context = (handler: Function) =>
  ({ getHandler: () => handler, getClass: () => Handlers }) as unknown as ExecutionContext;

describe('PermissionGuard', () => {
  const guard = new PermissionGuard(new Reflector());

  test('lets declared handlers through (roles are checked from the sign-in stage on)', () => {
    expect(guard.canActivate(context(Handlers.prototype.declared))).toBe(true);
    expect(guard.canActivate(context(Handlers.prototype.open))).toBe(true);
  });

  test('fails closed: a handler without a declaration is FORBIDDEN, naming the handler', () => {
    let thrown: unknown;
    try {
      guard.canActivate(context(Handlers.prototype.undeclared));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions).toEqual({ code: ErrorCode.FORBIDDEN, handler: 'Handlers.undeclared' });
  });
});
