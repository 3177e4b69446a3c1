import { allPermissions, Permission, permissionsOf, Role, rolePermissions, staffRoles } from '@zhili/shared';

/**
 * The privilege rules of account management, as pure functions so they are easy to read and test.
 *
 * - Nobody hands out more than they hold: a role may be granted only when every one of its
 *   permissions is among the granter's own (the super admin may grant any role).
 * - Nobody manages an account that holds more than they do (resetting its password would be a
 *   takeover): the target's permissions must all be among the actor's own (super admin exempt).
 * - The super admin role is more than its permission list (it may grant anything), so it counts as
 *   holding every permission: only a super admin grants it, and only a super admin manages one.
 *   (Its list alone is a subset of a village admin's: without this rule a village admin could
 *   create a super admin.)
 * - `person:pii:read` is special: only a super admin may grant it, and never to themselves.
 * - Nobody changes their own roles, scope or grants, disables themselves or resets their own password
 *   through the admin API (self-service has its own routes with the current password).
 */

/** Who holds what: roles and extra grants (a Principal or a StaffUser both fit). */
export interface Holder {
  roles: readonly Role[];
  grants?: readonly Permission[] | null;
}

export const isSuperAdmin = (holder: Holder): boolean => holder.roles.includes('super_admin');

export const effectivePermissions = (holder: Holder): Set<Permission> =>
  permissionsOf(holder.roles, holder.grants ?? []);

/** What a holder can do, for comparisons: everything for a super admin (see above). */
const power = (holder: Holder): Set<Permission> =>
  isSuperAdmin(holder) ? new Set(allPermissions) : effectivePermissions(holder);

/** Roles the actor may grant to someone else (staff roles only: mini-program roles come from binding codes). */
export function grantableRoles(actor: Holder): Role[] {
  if (isSuperAdmin(actor)) return [...staffRoles];
  const own = effectivePermissions(actor);
  return staffRoles.filter((role) => role !== 'super_admin' && rolePermissions[role].every((p) => own.has(p)));
}

/** Permissions the actor may hand out as explicit grants. */
export function grantablePermissions(actor: Holder): Permission[] {
  if (isSuperAdmin(actor)) return [...allPermissions];
  const own = effectivePermissions(actor);
  return allPermissions.filter((p) => p !== 'person:pii:read' && own.has(p));
}

/** Whether the actor may manage the target at all: the target holds nothing the actor lacks. */
export function mayManage(actor: Holder, target: Holder): boolean {
  if (isSuperAdmin(actor)) return true;
  const own = effectivePermissions(actor);
  return [...power(target)].every((p) => own.has(p));
}

/** Items of `next` that are not in `previous` (only additions need the granter's authority). */
export function added<T>(previous: readonly T[] | null | undefined, next: readonly T[]): T[] {
  const before = new Set(previous ?? []);
  return next.filter((item) => !before.has(item));
}

/** Same members regardless of order and duplicates. */
export function sameSet<T>(a: readonly T[] | null | undefined, b: readonly T[] | null | undefined): boolean {
  const left = new Set(a ?? []);
  const right = new Set(b ?? []);
  return left.size === right.size && [...left].every((item) => right.has(item));
}
