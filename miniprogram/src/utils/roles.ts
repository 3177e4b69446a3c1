import { roleLabels, type Role } from '@zhili/shared/client';

/** Chinese names of the roles, e.g. ['居民', '党员']; '居民' when the list is empty. */
export function roleNames(roles: readonly Role[]): string[] {
  if (roles.length === 0) return [roleLabels.resident];
  return roles.map((role) => roleLabels[role] ?? role);
}

export function hasRole(roles: readonly Role[], role: Role): boolean {
  return roles.includes(role);
}
