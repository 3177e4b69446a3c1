import type { RegionLevelName } from '../api/registry';
import { Role } from './roles';

/**
 * Named permissions, one per action. Endpoints require permissions, never roles, so the table below
 * is the single place that decides who may do what. It is shown read-only in the admin.
 */
export const Permission = {
  /** Read the admin dashboard (the work and numbers of one's own scope). */
  DashboardRead: 'dashboard:read',
  /** 系统状态: server internals (dependency latency, uptime, version) — the super admin's view only. */
  SystemStatus: 'system:status',
  /** Staff accounts: list/read within scope; create/update/disable; reset passwords. */
  UserRead: 'user:read',
  UserManage: 'user:manage',
  /** Grant roles and bind staff to regions (scope changes). */
  RoleAssign: 'role:assign',
  /** See the role→permission table. */
  RoleRead: 'role:read',
  /** Region tree (town → village/community → grid). */
  RegionRead: 'region:read',
  RegionManage: 'region:manage',
  /** Issue one-time codes that make a resident a grid worker or party member. */
  BindingIssue: 'binding:issue',
  /** Unmasked ID and phone numbers; every such read is audited. */
  PiiRead: 'person:pii:read',
  /** Audit log viewer (read-only; nobody may edit or delete audit records). */
  AuditRead: 'audit:read',
  /** Cases (issue #5). */
  CaseRead: 'case:read',
  CaseDispatch: 'case:dispatch',
  /** Case configuration: categories and SLAs, holiday calendar, Open311 api keys. */
  CaseManage: 'case:manage',
  /** Registry (issue #4). */
  PersonRead: 'person:read',
  PersonManage: 'person:manage',
  /**
   * Party affairs of the whole town (the town party committee's view): every party organisation,
   * whatever the caller is assigned to, and organisations at the top of the tree. Without it, party
   * permissions reach only the subtrees of the organisations the staff member is assigned to.
   */
  PartyManage: 'party:manage',
  /** Party organisation tree (issue #14): read; create, edit, 换届, merge, dissolve, assign staff. */
  PartyOrgRead: 'party:org:read',
  PartyOrgManage: 'party:org:manage',
  /** Member files: read (masked); create, edit and record status changes (transfers, 流动, 出党…). */
  PartyMemberRead: 'party:member:read',
  PartyMemberManage: 'party:member:manage',
  /** The admission pipeline (发展党员): applicants and every step of theirs. */
  PartyAdmissionManage: 'party:admission:manage',
  /** Approve or reject honours (荣誉) submitted by the committee: the 党组织书记's step. */
  PartyHonourApprove: 'party:honour:approve',
  /**
   * The online party school (issue #15), within the caller's party scope: courses, columns and lessons,
   * elective approval, study progress analysis and reminders, the points rule table.
   */
  StudyManage: 'study:manage',
  /** Question bank, practice sets and exams with their results and item analysis. */
  ExamManage: 'exam:manage',
  /** Surveys (members' and residents' 议事协商) and democratic appraisals (民主评议). */
  SurveyManage: 'survey:manage',
  /**
   * Party dues (issue #16), within the caller's party scope: dues bases, bills, cash and on-behalf
   * payments, waivers, arrears, reports and spending records.
   */
  DuesManage: 'dues:manage',
  /** Money leaving or checked against WeChat Pay: refunds and the daily reconciliation (town finance). */
  DuesFinance: 'dues:finance',
  /** Data exports (audited). */
  DataExport: 'data:export',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

export const permissionLabels: Record<Permission, string> = {
  'dashboard:read': '查看工作台',
  'system:status': '查看系统状态',
  'user:read': '查看账号',
  'user:manage': '管理账号',
  'role:assign': '分配角色与管辖范围',
  'role:read': '查看角色权限',
  'region:read': '查看区域网格',
  'region:manage': '管理区域网格',
  'binding:issue': '签发身份绑定码',
  'person:pii:read': '查看未脱敏个人信息',
  'audit:read': '查看审计日志',
  'case:read': '查看工单',
  'case:dispatch': '派发工单',
  'case:manage': '管理工单配置',
  'person:read': '查看人口信息',
  'person:manage': '管理人口信息',
  'party:manage': '管理全镇党务（不限党组织）',
  'party:org:read': '查看党组织',
  'party:org:manage': '管理党组织（新建、换届、合并、撤销）',
  'party:member:read': '查看党员档案',
  'party:member:manage': '管理党员档案（组织关系转接、状态变更）',
  'party:admission:manage': '发展党员（入党流程）',
  'party:honour:approve': '审批组织和党员荣誉（书记）',
  'study:manage': '管理网上党校（课程、学习进度、积分规则）',
  'exam:manage': '管理题库与考试',
  'survey:manage': '管理问卷调查与民主评议',
  'dues:manage': '管理党费（基数、账单、代缴与现金登记、欠缴、支出）',
  'dues:finance': '党费退款与微信支付对账',
  'data:export': '导出数据',
};

const P = Permission;
const regionStaff: Permission[] = [P.DashboardRead, P.RegionRead, P.CaseRead, P.PersonRead];
/** Party work within the organisations one is assigned to (the whole town with `party:manage`). */
const partyWork: Permission[] = [
  P.PartyOrgRead,
  P.PartyOrgManage,
  P.PartyMemberRead,
  P.PartyMemberManage,
  P.PartyAdmissionManage,
];
/** Running the online party school: courses, exams, surveys and appraisals. */
const schoolWork: Permission[] = [P.StudyManage, P.ExamManage, P.SurveyManage];
const regionAdmin: Permission[] = [
  ...regionStaff,
  P.UserRead,
  P.UserManage,
  P.RoleAssign,
  P.RoleRead,
  P.RegionManage,
  P.BindingIssue,
  P.CaseDispatch,
  P.PersonManage,
  P.DataExport,
];

/**
 * Role → permissions. Least privilege and separation of duties:
 * - the auditor reads the audit log and nothing else changes through them;
 * - the super admin manages accounts and roles but holds no `person:pii:read` (it must be granted
 *   explicitly, and its use is audited);
 * - residents and party members have no admin permissions at all (their own records only).
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  resident: [],
  party_member: [],
  grid_worker: [P.DashboardRead, P.RegionRead, P.CaseRead, P.PersonRead],
  grid_leader: [...regionStaff, P.CaseDispatch],
  // Village and community staff run the residents' consultations (村务议事协商) of their region.
  community_admin: [...regionAdmin, P.SurveyManage],
  village_admin: [...regionAdmin, P.SurveyManage],
  town_admin: [
    ...regionAdmin,
    P.PiiRead,
    P.PartyManage,
    ...partyWork,
    ...schoolWork,
    P.PartyHonourApprove,
    P.CaseManage,
    P.DuesManage,
    P.DuesFinance,
  ],
  // Scoped to the party organisations the secretary is assigned to (the town committee's secretary,
  // assigned to the committee, sees the whole tree); `party:manage` stays with the town admin.
  party_secretary: [
    P.DashboardRead,
    P.RegionRead,
    ...partyWork,
    ...schoolWork,
    P.DuesManage,
    P.PartyHonourApprove,
    P.BindingIssue,
    P.UserRead,
  ],
  auditor: [P.AuditRead, P.RoleRead],
  super_admin: [
    P.DashboardRead,
    P.SystemStatus,
    P.UserRead,
    P.UserManage,
    P.RoleAssign,
    P.RoleRead,
    P.RegionRead,
    P.RegionManage,
  ],
};

/** Roles a binding code can confer on a mini-program user. */
export const bindingRoles = [Role.GridWorker, Role.PartyMember] as const;
export type BindingRole = (typeof bindingRoles)[number];

/**
 * What each binding role takes, and gives. A code grants a role *in a region*; the grant is stored per
 * role, so redeeming one role's code never moves another role's region.
 * - `issuerPermissions`: the issuer must hold every one (nobody hands out more than they hold; a role
 *   without admin permissions of its own, like party_member, names the duty that governs it: keeping
 *   member files);
 * - `regionLevels`: the levels the code's region may have (a grid worker works one grid);
 * - `registryScope`: whether the grant's region becomes the user's data scope over the registry. Only
 *   the grid worker's grid does; a party member's region (a branch, later) opens no records.
 */
export interface BindingRoleRule {
  issuerPermissions: readonly Permission[];
  regionLevels: readonly RegionLevelName[];
  registryScope: boolean;
}

export const bindingRoleRules: Record<BindingRole, BindingRoleRule> = {
  grid_worker: {
    issuerPermissions: [P.BindingIssue, ...rolePermissions.grid_worker],
    regionLevels: ['grid'],
    registryScope: true,
  },
  party_member: {
    issuerPermissions: [P.BindingIssue, P.PartyMemberManage],
    regionLevels: ['town', 'community', 'village'],
    registryScope: false,
  },
};

export function isBindingRole(value: unknown): value is BindingRole {
  return typeof value === 'string' && (bindingRoles as readonly string[]).includes(value);
}

/** The binding roles someone holding `held` may issue codes for (the admin shows only these). */
export function issuableBindingRoles(held: ReadonlySet<Permission>): BindingRole[] {
  return bindingRoles.filter((role) => bindingRoleRules[role].issuerPermissions.every((p) => held.has(p)));
}

/** Union of the permissions of all roles (plus explicit grants). */
export function permissionsOf(roles: readonly Role[], extraGrants: readonly Permission[] = []): Set<Permission> {
  const result = new Set<Permission>(extraGrants);
  for (const role of roles) for (const p of rolePermissions[role] ?? []) result.add(p);
  return result;
}

export function hasPermission(
  roles: readonly Role[],
  permission: Permission,
  extraGrants: readonly Permission[] = [],
): boolean {
  return permissionsOf(roles, extraGrants).has(permission);
}

/** Roles at town level and above must use two-factor authentication. */
export const mfaRequiredRoles: readonly Role[] = [Role.TownAdmin, Role.PartySecretary, Role.Auditor, Role.SuperAdmin];

export function requiresMfa(roles: readonly Role[]): boolean {
  return roles.some((r) => mfaRequiredRoles.includes(r));
}

export const allPermissions: readonly Permission[] = Object.values(Permission);
