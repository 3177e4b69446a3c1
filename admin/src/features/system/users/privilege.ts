import { allPermissions, permissionsOf, rolePermissions, type Permission, type Role } from '@zhili/shared';
import type { StaffProfile } from '@/api/auth';
import type { StaffUser } from '@/api/users';

/**
 * Client-side mirror of the BFF's account-management rules, used only to hide or disable what the
 * BFF would refuse (it stays the authority):
 * - a role may be granted only when all its permissions are the actor's own; `super_admin` only by a
 *   super admin (who may grant any role);
 * - an account may be managed only when it holds nothing the actor lacks (a super admin counts as
 *   holding everything);
 * - nobody changes their own roles or region, disables themselves or resets their own password here.
 */
const isSuperAdmin = (roles: readonly Role[]): boolean => roles.includes('super_admin');

export function canGrantRole(
  actor: StaffProfile | null,
  actorPermissions: ReadonlySet<Permission>,
  role: Role,
): boolean {
  if (!actor) return false;
  if (isSuperAdmin(actor.roles)) return true;
  return role !== 'super_admin' && rolePermissions[role].every((p) => actorPermissions.has(p));
}

export function canManageUser(
  actor: StaffProfile | null,
  actorPermissions: ReadonlySet<Permission>,
  target: StaffUser,
): boolean {
  if (!actor) return false;
  if (isSuperAdmin(actor.roles)) return true;
  const power = isSuperAdmin(target.roles) ? new Set(allPermissions) : permissionsOf(target.roles, target.grants ?? []);
  return [...power].every((p) => actorPermissions.has(p));
}
