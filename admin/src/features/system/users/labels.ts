import { roleLabels, staffRoles, type Role } from '@zhili/shared';
import type { StaffStatus } from '@/api/users';

export const statusLabels: Record<StaffStatus, string> = { active: '正常', disabled: '已停用' };

/** Roles a staff account can hold, with Chinese labels, for selects. */
export const staffRoleOptions = staffRoles.map((role) => ({ value: role, label: roleLabels[role] }));

export function roleLabel(role: string): string {
  return (roleLabels as Record<string, string | undefined>)[role] ?? role;
}

export function isRole(value: string): value is Role {
  return value in roleLabels;
}
