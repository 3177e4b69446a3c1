/**
 * Roles of Zhili users. Residents, party members and grid workers use the mini-program; the others
 * are staff of the admin portal (grid workers and leaders use both). The permission table comes in #3.
 */
export const Role = {
  Resident: 'resident',
  PartyMember: 'party_member',
  GridWorker: 'grid_worker',
  GridLeader: 'grid_leader',
  CommunityAdmin: 'community_admin',
  VillageAdmin: 'village_admin',
  TownAdmin: 'town_admin',
  PartySecretary: 'party_secretary',
  Auditor: 'auditor',
  SuperAdmin: 'super_admin',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const roleLabels: Record<Role, string> = {
  resident: '居民',
  party_member: '党员',
  grid_worker: '网格员',
  grid_leader: '网格长',
  community_admin: '社区管理员',
  village_admin: '村管理员',
  town_admin: '镇管理员',
  party_secretary: '党组织书记',
  auditor: '审计员',
  super_admin: '超级管理员',
};

export const allRoles: readonly Role[] = Object.values(Role);

/** Roles that may sign in to the admin portal. */
export const staffRoles: readonly Role[] = [
  Role.GridWorker,
  Role.GridLeader,
  Role.CommunityAdmin,
  Role.VillageAdmin,
  Role.TownAdmin,
  Role.PartySecretary,
  Role.Auditor,
  Role.SuperAdmin,
];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (allRoles as readonly string[]).includes(value);
}
