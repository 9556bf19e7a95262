import { PermissionOrPublic } from '@canbo/shared';
import { SetMetadata } from '@nestjs/common';

export const PERMISSION_METADATA = 'canbo:permission';

/**
 * Declares the permission an operation or route needs. Every GraphQL operation and HTTP route carries one;
 * the permission snapshot test lists them, and the guard refuses any handler without a declaration.
 */
export const RequirePermission = (permission: PermissionOrPublic) => SetMetadata(PERMISSION_METADATA, permission);
