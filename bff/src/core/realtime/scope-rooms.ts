import { hasPermission } from '@zhili/shared';
import type { Principal } from '../auth/principal';

/** The path of the root scope room: staff who see every region (super admin). */
export const ROOT_SCOPE_PATH = '/';

/**
 * The scope room a socket joins, or null: staff who may read cases join the room of their own data
 * scope (`/<town>/<village>/`); a super admin, who is bound to no region, joins the root room.
 * Case events carry case data, so staff without `case:read` join no scope room.
 */
export function scopeRoomPath(principal: Principal): string | null {
  if (principal.kind !== 'staff') return null;
  if (!principal.scopePath) return principal.roles.includes('super_admin') ? ROOT_SCOPE_PATH : null;
  return hasPermission(principal.roles, 'case:read', principal.grants ?? []) ? principal.scopePath : null;
}

/**
 * The scope paths whose staff see a record at `scopePath`: the root and every ancestor prefix,
 * e.g. `/t/v/g/` → `/`, `/t/`, `/t/v/`, `/t/v/g/`.
 */
export function scopeRoomsOf(scopePath: string): string[] {
  const segments = scopePath.split('/').filter(Boolean);
  const paths = [ROOT_SCOPE_PATH];
  for (let i = 1; i <= segments.length; i += 1) paths.push(`/${segments.slice(0, i).join('/')}/`);
  return paths;
}
