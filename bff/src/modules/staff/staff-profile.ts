import { permissionsOf, requiresMfa } from '@zhili/shared';
import type { Principal } from '../../core/auth/principal';
import type { StaffUser } from './staff-user.entity';
import type { StaffProfileVO } from '@zhili/shared';

const DAY_MS = 86_400_000;

/** The password is older than the policy allows (a never-changed one counts from the account's creation). */
export function isPasswordExpired(user: StaffUser, maxAgeDays: number, now = Date.now()): boolean {
  const since = user.passwordChangedAt ?? user.createdAt;
  return since ? now - new Date(since).getTime() > maxAgeDays * DAY_MS : false;
}

export const passwordChangeRequired = (user: StaffUser, maxAgeDays: number): boolean =>
  user.mustChangePassword || isPasswordExpired(user, maxAgeDays);

export const isMfaEnabled = (user: StaffUser): boolean => user.mfaEnabledAt !== null && user.mfaEnabledAt !== undefined;

/** What the access token says about a staff member; re-read from the database at every refresh. */
export function staffPrincipal(user: StaffUser, maxAgeDays: number): Principal {
  return {
    kind: 'staff',
    id: user.id,
    roles: user.roles,
    grants: user.grants ?? [],
    scopePath: user.scopePath,
    passwordChangeRequired: passwordChangeRequired(user, maxAgeDays),
  };
}

export interface ProfileContext {
  maxAgeDays: number;
  regionName: string | null;
}

export function buildStaffProfile(user: StaffUser, { maxAgeDays, regionName }: ProfileContext): StaffProfileVO {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
    passwordExpired: isPasswordExpired(user, maxAgeDays),
    mfaEnabled: isMfaEnabled(user),
    mfaRequired: requiresMfa(user.roles),
    regionId: user.regionId,
    regionName,
    permissions: [...permissionsOf(user.roles, user.grants ?? [])].sort(),
  };
}
