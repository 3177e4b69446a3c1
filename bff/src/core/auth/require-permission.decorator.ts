import { getPropertyMetadata, savePropertyMetadata } from '@midwayjs/core';
import type { Permission } from '@zhili/shared';

const PERMISSION_KEY = 'zhili:auth:permission';

/**
 * The permission a route needs (checked by AuthGuard after authentication). Permissions, never role
 * names, are what endpoints ask for: the role→permission table in @zhili/shared decides the rest.
 */
export function RequirePermission(permission: Permission): MethodDecorator {
  return (target, propertyKey) => savePropertyMetadata(PERMISSION_KEY, permission, target, propertyKey);
}

export function requiredPermission(controller: object, method: string): Permission | undefined {
  return getPropertyMetadata(PERMISSION_KEY, controller, method) as Permission | undefined;
}
