import { requiresMfa } from '@zhili/shared';
import type { StaffUser } from '../staff';
import { isMfaEnabled } from '../staff';
import type { StaffUserVO } from '@zhili/shared';

/** What an administrator sees of an account: never the password hash or any MFA secret. */
export function toStaffUserVO(user: StaffUser, regionName: string | null, phoneMasked: string | null): StaffUserVO {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    grants: user.grants ?? [],
    status: user.status,
    regionId: user.regionId,
    regionName,
    phoneMasked,
    mustChangePassword: user.mustChangePassword,
    mfaEnabled: isMfaEnabled(user),
    mfaRequired: requiresMfa(user.roles),
    lastLoginAt: user.lastLoginAt ? new Date(user.lastLoginAt).toISOString() : null,
    createdAt: new Date(user.createdAt).toISOString(),
    updatedAt: new Date(user.updatedAt).toISOString(),
  };
}

type Change = { from: unknown; to: unknown };

/**
 * The audit summary of an update: each changed field with its old and new value. Only fields listed
 * here are ever summarized, so secrets cannot leak into the log through this path.
 */
export function changedFields(
  before: Pick<StaffUser, 'displayName' | 'roles' | 'regionId' | 'grants'>,
  after: Pick<StaffUser, 'displayName' | 'roles' | 'regionId' | 'grants'>,
): Record<string, Change> {
  const changes: Record<string, Change> = {};
  if (before.displayName !== after.displayName)
    changes.displayName = { from: before.displayName, to: after.displayName };
  if (JSON.stringify([...before.roles].sort()) !== JSON.stringify([...after.roles].sort())) {
    changes.roles = { from: before.roles, to: after.roles };
  }
  if (before.regionId !== after.regionId) changes.regionId = { from: before.regionId, to: after.regionId };
  const grantsBefore = [...(before.grants ?? [])].sort();
  const grantsAfter = [...(after.grants ?? [])].sort();
  if (JSON.stringify(grantsBefore) !== JSON.stringify(grantsAfter))
    changes.grants = { from: grantsBefore, to: grantsAfter };
  return changes;
}
