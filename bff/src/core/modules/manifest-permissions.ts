import type { ClassType } from '@midwayjs/core';
import type { Permission } from '@zhili/shared';
import { requiredPermission } from '../auth/require-permission.decorator';
import type { ModuleManifest } from './manifest';

/** A route handler requiring a permission its module's manifest does not declare. */
export interface UndeclaredPermission {
  module: string;
  /** `Controller.method` */
  handler: string;
  permission: Permission;
}

/**
 * Handlers of `controllers` (the module's own) whose required permission (`@RequirePermission`,
 * also set by `@Api` from the contract's `permission`) is missing from the module's `permissions`.
 * The manifest is the module's declaration of what it guards with; a route that asks for more would
 * go unnoticed by anyone reading it (role tables, reviews of a new module).
 */
export function undeclaredPermissions(
  manifest: ModuleManifest,
  controllers: readonly ClassType<object>[],
): UndeclaredPermission[] {
  const declared = new Set<Permission>(manifest.permissions ?? []);
  return controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype).flatMap((method) => {
      const permission = requiredPermission(controller.prototype as object, method);
      return permission && !declared.has(permission)
        ? [{ module: manifest.name, handler: `${controller.name}.${method}`, permission }]
        : [];
    }),
  );
}
