/**
 * The party organisation tree (党组织): the kinds of organisation, which may sit under which, the roles
 * of a committee (班子) and the term (任期) rule behind "due for 换届". Pure rules: the BFF enforces them
 * and sends the derived states as fields; the portal only shows them.
 *
 * 镇党委 (committee) ─▶ 党总支 (general branch) ─▶ 党支部 (branch) ─▶ 党小组 (group); a branch may also sit
 * directly under the committee (机关党支部, 村党支部). Sources: the Party Constitution art. 30–32 and the
 * 《中国共产党支部工作条例（试行）》 art. 5, 20 (branch committees serve 3 years, a basic-level committee 5).
 */
import { addCalendarMonths } from './party-admission';
import { addDays } from './party-dates';

export const PartyOrgType = {
  Committee: 'committee',
  GeneralBranch: 'general_branch',
  Branch: 'branch',
  Group: 'group',
} as const;
export type PartyOrgType = (typeof PartyOrgType)[keyof typeof PartyOrgType];

export const partyOrgTypeLabels: Record<PartyOrgType, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
};

/** The types an organisation of each type may be created under (`null`: at the top of the tree). */
export const partyOrgParentTypes: Record<PartyOrgType, readonly (PartyOrgType | null)[]> = {
  committee: [null],
  general_branch: ['committee'],
  branch: ['committee', 'general_branch'],
  group: ['branch'],
};

/** Whether an organisation of `type` may be created under a parent of `parentType` (null: the top). */
export function canPlaceOrg(type: PartyOrgType, parentType: PartyOrgType | null): boolean {
  return partyOrgParentTypes[type].includes(parentType);
}

/** Members are kept in branches and their groups: a committee or general branch has none of its own. */
export function holdsMembers(type: PartyOrgType): boolean {
  return type === 'branch' || type === 'group';
}

/** Where an organisation stands in its life. Closed ones stay in the tree, with their history. */
export const PartyOrgStatus = { Active: 'active', Merged: 'merged', Dissolved: 'dissolved' } as const;
export type PartyOrgStatus = (typeof PartyOrgStatus)[keyof typeof PartyOrgStatus];
export const partyOrgStatusLabels: Record<PartyOrgStatus, string> = {
  active: '正常',
  merged: '已合并',
  dissolved: '已撤销',
};

/** Roles in a committee (班子). A party group has a leader (组长) instead of a secretary. */
export const CommitteeRole = {
  Secretary: 'secretary',
  DeputySecretary: 'deputy_secretary',
  Organization: 'organization',
  Publicity: 'publicity',
  Discipline: 'discipline',
  Member: 'member',
  GroupLeader: 'group_leader',
} as const;
export type CommitteeRole = (typeof CommitteeRole)[keyof typeof CommitteeRole];
export const committeeRoleLabels: Record<CommitteeRole, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization: '组织委员',
  publicity: '宣传委员',
  discipline: '纪检委员',
  member: '委员',
  group_leader: '组长',
};

/** Roles a committee of each type may have, in display order. */
export function committeeRolesFor(type: PartyOrgType): CommitteeRole[] {
  if (type === 'group') return ['group_leader', 'member'];
  return ['secretary', 'deputy_secretary', 'organization', 'publicity', 'discipline', 'member'];
}

/** Roles held by one person at most (a committee has one secretary, one 组织委员…). */
const singleSeat: ReadonlySet<CommitteeRole> = new Set([
  'secretary',
  'organization',
  'publicity',
  'discipline',
  'group_leader',
]);

/** Why a committee cannot be recorded for an organisation of `type`, or null when it can. */
export function committeeProblem(type: PartyOrgType, roles: readonly CommitteeRole[]): string | null {
  const allowed = committeeRolesFor(type);
  const wrong = roles.find((r) => !allowed.includes(r));
  if (wrong) return `${partyOrgTypeLabels[type]}不设「${committeeRoleLabels[wrong]}」`;
  for (const role of singleSeat) {
    if (roles.filter((r) => r === role).length > 1) return `「${committeeRoleLabels[role]}」只能有一人`;
  }
  return null;
}

/** Lifecycle events of an organisation, each a dated record (party_org_event). */
export const PartyOrgEventKind = {
  Create: 'create',
  Update: 'update',
  Term: 'term',
  MergeIn: 'merge_in',
  MergeOut: 'merge_out',
  Dissolve: 'dissolve',
} as const;
export type PartyOrgEventKind = (typeof PartyOrgEventKind)[keyof typeof PartyOrgEventKind];
export const partyOrgEventLabels: Record<PartyOrgEventKind, string> = {
  create: '成立',
  update: '信息变更',
  term: '换届',
  merge_in: '并入组织',
  merge_out: '合并至其他组织',
  dissolve: '撤销',
};

/** Term lengths in years, by kind of organisation (module configuration; defaults per the regulations). */
export interface TermYears {
  committee: number;
  branch: number;
}

export const defaultTermYears: TermYears = { committee: 5, branch: 3 };

/** The term length of an organisation of `type`, or null: a party group is not elected (no 换届). */
export function termYearsOf(type: PartyOrgType, years: TermYears): number | null {
  if (type === 'group') return null;
  return type === 'committee' ? years.committee : years.branch;
}

/**
 * - `ok`: the term runs beyond the warning window;
 * - `due`: the term ends within the warning window (prepare the 换届);
 * - `overdue`: the term has ended and no 换届 was recorded;
 * - `none`: the organisation has no term (a party group, or closed).
 */
export type TermDueStatus = 'ok' | 'due' | 'overdue' | 'none';

export const termDueLabels: Record<TermDueStatus, string> = {
  ok: '任期内',
  due: '即将换届',
  overdue: '应换届未换届',
  none: '不适用',
};

export interface TermDue {
  status: TermDueStatus;
  /** The day the current term ends (start + term length), null when there is none. */
  endsOn: string | null;
}

export interface TermDueInput {
  type: PartyOrgType;
  active: boolean;
  /** Start of the current term: the last 换届, else the founding date. */
  startedOn: string;
  years: TermYears;
  /** How many days before the end the 换届 shows as due. */
  warnDays: number;
  today: string;
}

/**
 * Whether an organisation is due for 换届. The term ends on the same calendar day `years` later
 * (2023-02-28 + 3 years = 2026-02-28); it is due from `warnDays` before that day and overdue the day
 * after it, until a new term is recorded.
 */
export function termDue(input: TermDueInput): TermDue {
  const years = termYearsOf(input.type, input.years);
  if (!input.active || years === null) return { status: 'none', endsOn: null };
  const endsOn = addCalendarMonths(input.startedOn, years * 12);
  if (input.today > endsOn) return { status: 'overdue', endsOn };
  if (input.today >= addDays(endsOn, -input.warnDays)) return { status: 'due', endsOn };
  return { status: 'ok', endsOn };
}

/** Input limits of the organisation forms and routes. */
export const partyOrgLimits = {
  name: { max: 64 },
  note: { max: 500 },
  committee: { max: 15 },
  sortOrder: { min: 0, max: 9999 },
} as const;
