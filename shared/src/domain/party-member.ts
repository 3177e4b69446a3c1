/**
 * Member files (党员档案): category, status and the status changes as dated acts. Pure rules: the BFF
 * applies an act only when `applyMemberAct` allows it and stores it as a dated event; the portal
 * shows the acts `allowedMemberActs` offers.
 *
 * active ─transfer_within─▶ active (another branch of the town)
 *        ─transfer_out───▶ transferred_out (组织关系转出: letter number and destination)
 *        ─flow_out / flow_back─▶ active, away from home or back (流动党员: where, since, contact branch)
 *        ─expel──────────▶ expelled (出党)      ─stop──▶ stopped (停止党籍)      ─death──▶ deceased
 * A probationary member whose probation is cancelled (取消预备党员资格) is closed by the admission
 * pipeline, not by these acts.
 */
import { isCalendarDate } from './party-dates';

/** 正式党员 / 预备党员. */
export const MemberCategory = { Full: 'full', Probationary: 'probationary' } as const;
export type MemberCategory = (typeof MemberCategory)[keyof typeof MemberCategory];
export const memberCategoryLabels: Record<MemberCategory, string> = { full: '正式党员', probationary: '预备党员' };

export const MemberStatus = {
  Active: 'active',
  TransferredOut: 'transferred_out',
  Expelled: 'expelled',
  Stopped: 'stopped',
  Deceased: 'deceased',
  Disqualified: 'disqualified',
} as const;
export type MemberStatus = (typeof MemberStatus)[keyof typeof MemberStatus];
export const memberStatusLabels: Record<MemberStatus, string> = {
  active: '正常',
  transferred_out: '已转出',
  expelled: '已出党',
  stopped: '停止党籍',
  deceased: '已去世',
  disqualified: '已取消预备党员资格',
};

/** 学历. */
export const Education = {
  Postgraduate: 'postgraduate',
  Bachelor: 'bachelor',
  College: 'college',
  Secondary: 'secondary',
  HighSchool: 'high_school',
  JuniorHigh: 'junior_high',
  Primary: 'primary',
} as const;
export type Education = (typeof Education)[keyof typeof Education];
export const educationLabels: Record<Education, string> = {
  postgraduate: '研究生',
  bachelor: '大学本科',
  college: '大学专科',
  secondary: '中专',
  high_school: '高中',
  junior_high: '初中',
  primary: '小学及以下',
};

/** The status changes staff record on a member file. */
export type MemberAct =
  | { kind: 'transfer_within'; on: string; toOrgId: string }
  | { kind: 'transfer_out'; on: string; letterNo: string; destination: string }
  | { kind: 'flow_out'; on: string; place: string; contactOrg: string }
  | { kind: 'flow_back'; on: string }
  | { kind: 'expel'; on: string; reason: string }
  | { kind: 'stop'; on: string; reason: string }
  | { kind: 'death'; on: string };
export type MemberActKind = MemberAct['kind'];

export const memberActLabels: Record<MemberActKind, string> = {
  transfer_within: '镇内组织关系转接',
  transfer_out: '组织关系转出',
  flow_out: '外出流动',
  flow_back: '流动返回',
  expel: '出党',
  stop: '停止党籍',
  death: '去世',
};

/**
 * Every dated line of a member's history: the acts above plus what other parts write — the file
 * created (建档) or transferred in (转入), admission as probationary (接收为预备党员), conversion, the
 * probation postponed or cancelled, the branch merged into another.
 */
export type MemberEventKind =
  MemberActKind | 'create' | 'transfer_in' | 'join' | 'convert' | 'postpone' | 'disqualify' | 'org_merged';

export const memberEventLabels: Record<MemberEventKind, string> = {
  ...memberActLabels,
  create: '建立档案',
  transfer_in: '组织关系转入',
  join: '接收为预备党员',
  convert: '转为正式党员',
  postpone: '延长预备期',
  disqualify: '取消预备党员资格',
  org_merged: '所在组织合并',
};

/** Away from home (流动党员): where, since when, and the branch there that keeps in touch. */
export interface MemberFlow {
  place: string;
  since: string;
  contactOrg: string;
}

/** What the rules need to know of a member file. */
export interface MemberState {
  status: MemberStatus;
  orgId: string;
  flow: MemberFlow | null;
  /** The date of the latest event: a new act may not be dated before it. */
  lastEventOn: string | null;
}

export type MemberRefusal = { ok: false; code: string; message: string };
export type MemberOutcome = { ok: true; state: MemberState } | MemberRefusal;

/** Which acts a file allows at all (dates are checked by `applyMemberAct`). */
export function allowedMemberActs(state: MemberState): MemberActKind[] {
  if (state.status !== 'active') return [];
  return ['transfer_within', 'transfer_out', state.flow ? 'flow_back' : 'flow_out', 'expel', 'stop', 'death'];
}

const refuse = (code: string, message: string): MemberRefusal => ({ ok: false, code, message });

/** Applies one status change if the file allows it on that date, or says in Chinese why not. */
export function applyMemberAct(state: MemberState, act: MemberAct, today: string): MemberOutcome {
  if (!isCalendarDate(act.on)) return refuse('DATE_INVALID', '日期不存在');
  if (act.on > today) return refuse('DATE_IN_FUTURE', '日期不能晚于今天');
  if (!allowedMemberActs(state).includes(act.kind)) {
    const why = state.status === 'active' ? '' : `（档案状态：${memberStatusLabels[state.status]}）`;
    return refuse('ACT_NOT_ALLOWED', `该党员档案不能进行「${memberActLabels[act.kind]}」${why}`);
  }
  if (state.lastEventOn && act.on < state.lastEventOn)
    return refuse('DATE_BEFORE_PREVIOUS', `日期不能早于上一条记录的日期（${state.lastEventOn}）`);
  const next = { ...state, lastEventOn: act.on };
  switch (act.kind) {
    case 'transfer_within':
      if (act.toOrgId === state.orgId) return refuse('SAME_ORG', '转入的党组织与当前所在党组织相同');
      return { ok: true, state: { ...next, orgId: act.toOrgId } };
    case 'transfer_out':
      return { ok: true, state: { ...next, status: 'transferred_out', flow: null } };
    case 'flow_out':
      return { ok: true, state: { ...next, flow: { place: act.place, since: act.on, contactOrg: act.contactOrg } } };
    case 'flow_back':
      return { ok: true, state: { ...next, flow: null } };
    case 'expel':
      return { ok: true, state: { ...next, status: 'expelled', flow: null } };
    case 'stop':
      return { ok: true, state: { ...next, status: 'stopped', flow: null } };
    case 'death':
      return { ok: true, state: { ...next, status: 'deceased', flow: null } };
  }
}

/** Input limits of the member forms and routes. */
export const partyMemberLimits = {
  name: { max: 32 },
  position: { max: 64 },
  workUnit: { max: 128 },
  letterNo: { max: 64 },
  destination: { max: 128 },
  place: { max: 128 },
  contactOrg: { max: 128 },
  reason: { max: 500 },
  search: { max: 32 },
} as const;
