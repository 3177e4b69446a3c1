import { getClassMetadata, getPropertyMetadata, saveClassMetadata, savePropertyMetadata } from '@midwayjs/core';
import type { Permission, Role } from '@zhili/shared';

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

const ROLE_KEY = 'zhili:auth:role';

/**
 * A role every route of a mini-program controller needs (e.g. the grid worker desk). Mini-program
 * features have no permission table of their own: their users hold roles, not staff permissions.
 * The guard refuses tokens without the role (403, audited as denied); services that depend on
 * the role still re-read it from the database, since a token lives up to 15 minutes.
 */
export function RequireRole(role: Role): ClassDecorator {
  return (target) => saveClassMetadata(ROLE_KEY, role, target);
}

export function requiredRole(controller: object): Role | undefined {
  return getClassMetadata(ROLE_KEY, controller) as Role | undefined;
}
