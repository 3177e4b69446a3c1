/**
 * The admission pipeline (入党流程) as pure rules: the BFF enforces them, the portal and the
 * mini-program show what they allow and when the next step is due. Sources: the Party Constitution
 * (Art. 1, 5, 7) and the 《中国共产党发展党员工作细则》 (2014), arts. 6–36.
 *
 * applicant (入党申请人) ─talk within 1 month─▶ activist (入党积极分子) ─≥ 1 year of education─▶
 * candidate (发展对象: political review + training) ─branch vote + higher committee approval─▶
 * probationary (预备党员, probation exactly one year from the branch vote) ─conversion vote─▶ full (正式党员)
 * A probation may be postponed once, by 6 to 12 months; a probationary member may be disqualified
 * (取消预备党员资格). Any earlier stage may be ended with a reason (不予发展 / 本人撤回).
 *
 * Dates are calendar dates `YYYY-MM-DD` (the day the act happened, Beijing time). "One year after
 * 2024-02-29" is 2025-02-28: a month step that lands past the month's end clamps to its last day.
 */
import { isCalendarDate } from './party-dates';

export const AdmissionStage = {
  Applicant: 'applicant',
  Activist: 'activist',
  Candidate: 'candidate',
  Probationary: 'probationary',
  Full: 'full',
  Disqualified: 'disqualified',
  Ended: 'ended',
} as const;
export type AdmissionStage = (typeof AdmissionStage)[keyof typeof AdmissionStage];

export const admissionStageLabels: Record<AdmissionStage, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
  disqualified: '已取消预备党员资格',
  ended: '已终止',
};

/** The acts that move (or date) a record. Each one is recorded as a dated step with who approved it. */
export type AdmissionAct =
  | { kind: 'talk'; on: string }
  | { kind: 'make_activist'; on: string }
  | { kind: 'make_candidate'; on: string }
  | { kind: 'political_review'; on: string; passed: boolean }
  | { kind: 'training'; on: string; passed: boolean }
  | { kind: 'branch_vote'; on: string; vote: BranchVote }
  | { kind: 'higher_approval'; on: string; approved: boolean }
  | { kind: 'conversion_vote'; on: string; vote: BranchVote }
  | { kind: 'postpone'; on: string; months: number }
  | { kind: 'disqualify'; on: string }
  | { kind: 'end'; on: string };

export type AdmissionActKind = AdmissionAct['kind'];

export const admissionActLabels: Record<AdmissionActKind, string> = {
  talk: '派人谈话',
  make_activist: '确定为入党积极分子',
  make_candidate: '确定为发展对象',
  political_review: '政治审查',
  training: '集中培训',
  branch_vote: '支部大会讨论接收',
  higher_approval: '上级党委审批',
  conversion_vote: '支部大会讨论转正',
  postpone: '延长预备期',
  disqualify: '取消预备党员资格',
  end: '终止发展',
};

/** A show of hands at a branch general meeting (支部党员大会): counts of full members with a vote. */
export interface BranchVote {
  /** Full members with a vote (应到会有表决权的正式党员). */
  eligible: number;
  present: number;
  inFavour: number;
}

/** The pipeline state of one person: what happened so far. Dates absent until the act happened. */
export interface AdmissionRecord {
  stage: AdmissionStage;
  birthDate?: string | null;
  appliedOn: string;
  talkedOn?: string | null;
  activistOn?: string | null;
  candidateOn?: string | null;
  politicalReviewOn?: string | null;
  trainingOn?: string | null;
  /** Date of the branch meeting that accepted the person: the probation counts from here. */
  admittedOn?: string | null;
  approvedOn?: string | null;
  /** The day the probation ends (one year after `admittedOn`, later if postponed). */
  probationEndsOn?: string | null;
  postponedMonths?: number | null;
  convertedOn?: string | null;
  closedOn?: string | null;
}

/** Time rules, named so the code reads like the regulation. */
export const admissionRules = {
  minimumAge: 18,
  /** The organisation talks to an applicant within one month of the application. */
  talkWithinMonths: 1,
  /** An activist is educated and observed for at least one year before becoming a candidate. */
  activistMinMonths: 12,
  /** The higher committee decides within three months of the branch vote. */
  approvalWithinMonths: 3,
  probationMonths: 12,
  postponeMinMonths: 6,
  postponeMaxMonths: 12,
} as const;

export type AdmissionRefusal = { ok: false; code: string; message: string };
export type AdmissionOutcome = { ok: true; record: AdmissionRecord } | AdmissionRefusal;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `date` plus `months` calendar months; past a month's end it clamps to the last day (02-29 + 12 → 02-28). */
export function addCalendarMonths(date: string, months: number): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole years of age on `on` for someone born on `birthDate`. */
export function ageOn(birthDate: string, on: string): number {
  let years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (on.slice(5) < birthDate.slice(5)) years -= 1;
  return years;
}

const refuse = (code: string, message: string): AdmissionRefusal => ({ ok: false, code, message });

/** A vote carries when more than half of the eligible members are present and more than half of them vote for. */
export function voteCarries(vote: BranchVote): boolean {
  return vote.present * 2 > vote.eligible && vote.inFavour * 2 > vote.eligible;
}

function voteProblem(vote: BranchVote): AdmissionRefusal | null {
  const counts = [vote.eligible, vote.present, vote.inFavour];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) return refuse('VOTE_INVALID', '表决人数应为非负整数');
  if (vote.eligible === 0) return refuse('VOTE_INVALID', '应到会有表决权的正式党员人数不能为 0');
  if (vote.present > vote.eligible) return refuse('VOTE_INVALID', '实到人数不能多于应到人数');
  if (vote.inFavour > vote.present) return refuse('VOTE_INVALID', '赞成人数不能多于实到人数');
  if (vote.present * 2 <= vote.eligible)
    return refuse('VOTE_NO_QUORUM', '到会有表决权的正式党员未超过应到人数的半数，表决无效');
  return null;
}

/** The date of the stage's last act: a new act may not be dated before it. */
function lastDateOf(r: AdmissionRecord): string {
  const dates = [
    r.appliedOn,
    r.talkedOn,
    r.activistOn,
    r.candidateOn,
    r.politicalReviewOn,
    r.trainingOn,
    r.admittedOn,
    r.approvedOn,
    r.convertedOn,
  ].filter((d): d is string => !!d);
  return dates.sort().at(-1) ?? r.appliedOn;
}

/** Which acts the record's stage allows at all (time rules are checked by `applyAdmissionAct`). */
export function allowedAdmissionActs(r: AdmissionRecord): AdmissionActKind[] {
  switch (r.stage) {
    case 'applicant':
      return r.talkedOn ? ['make_activist', 'end'] : ['talk', 'end'];
    case 'activist':
      return ['make_candidate', 'end'];
    case 'candidate':
      if (r.admittedOn) return ['higher_approval', 'end'];
      return ['political_review', 'training', 'branch_vote', 'end'];
    case 'probationary':
      return r.postponedMonths ? ['conversion_vote', 'disqualify'] : ['conversion_vote', 'postpone', 'disqualify'];
    default:
      return [];
  }
}

/**
 * Applies one act to a record if the rules allow it on that date, or says in Chinese why not.
 * `today` bounds the dates: nothing is recorded in the future.
 */
export function applyAdmissionAct(r: AdmissionRecord, act: AdmissionAct, today: string): AdmissionOutcome {
  if (!isCalendarDate(act.on)) return refuse('DATE_INVALID', '日期不存在');
  if (act.on > today) return refuse('DATE_IN_FUTURE', '日期不能晚于今天');
  if (!allowedAdmissionActs(r).includes(act.kind)) {
    return refuse(
      'STEP_NOT_ALLOWED',
      `${admissionStageLabels[r.stage]}阶段不能进行「${admissionActLabels[act.kind]}」`,
    );
  }
  if (act.on < lastDateOf(r)) return refuse('DATE_BEFORE_PREVIOUS', '日期不能早于上一步的日期');

  switch (act.kind) {
    case 'talk':
      // The one-month limit binds the organisation, not the applicant: a late talk is still recorded
      // (it happened); until then admissionDue reports it overdue.
      return { ok: true, record: { ...r, talkedOn: act.on } };
    case 'make_activist':
      return { ok: true, record: { ...r, stage: 'activist', activistOn: act.on } };
    case 'make_candidate': {
      const earliest = addCalendarMonths(r.activistOn ?? r.appliedOn, admissionRules.activistMinMonths);
      if (act.on < earliest) {
        return refuse('ACTIVIST_TOO_SHORT', `入党积极分子须经过一年以上培养教育，${earliest} 起方可确定为发展对象`);
      }
      return { ok: true, record: { ...r, stage: 'candidate', candidateOn: act.on } };
    }
    case 'political_review':
      if (!act.passed)
        return { ok: true, record: { ...r, stage: 'ended', closedOn: act.on, politicalReviewOn: act.on } };
      return { ok: true, record: { ...r, politicalReviewOn: act.on } };
    case 'training':
      if (!act.passed) return refuse('TRAINING_NOT_PASSED', '集中培训未合格，请在培训合格后再记录');
      return { ok: true, record: { ...r, trainingOn: act.on } };
    case 'branch_vote': {
      if (!r.politicalReviewOn) return refuse('REVIEW_MISSING', '发展对象须先通过政治审查');
      if (!r.trainingOn) return refuse('TRAINING_MISSING', '发展对象须先参加集中培训并合格');
      if (r.birthDate && ageOn(r.birthDate, act.on) < admissionRules.minimumAge) {
        return refuse('TOO_YOUNG', '年满十八岁方可接收为预备党员');
      }
      const problem = voteProblem(act.vote);
      if (problem) return problem;
      if (!voteCarries(act.vote))
        return refuse('VOTE_FAILED', '赞成人数未超过应到会有表决权的正式党员的半数，不能接收');
      return { ok: true, record: { ...r, admittedOn: act.on } };
    }
    case 'higher_approval': {
      const admitted = r.admittedOn as string;
      const limit = addCalendarMonths(admitted, admissionRules.approvalWithinMonths);
      if (act.on > limit) return refuse('APPROVAL_TOO_LATE', `上级党委应在支部大会后三个月内审批（${limit} 前）`);
      if (!act.approved) return { ok: true, record: { ...r, admittedOn: null } };
      return {
        ok: true,
        record: {
          ...r,
          stage: 'probationary',
          approvedOn: act.on,
          probationEndsOn: addCalendarMonths(admitted, admissionRules.probationMonths),
        },
      };
    }
    case 'conversion_vote': {
      const ends = r.probationEndsOn as string;
      if (act.on < ends) return refuse('PROBATION_NOT_OVER', `预备期至 ${ends} 届满，届满后方可讨论转正`);
      const problem = voteProblem(act.vote);
      if (problem) return problem;
      if (!voteCarries(act.vote))
        return refuse('VOTE_FAILED', '赞成人数未超过应到会有表决权的正式党员的半数，不能转正');
      // The member is full from the day the probation ended, not from the day of the vote.
      return { ok: true, record: { ...r, stage: 'full', convertedOn: ends } };
    }
    case 'postpone': {
      const { postponeMinMonths: min, postponeMaxMonths: max } = admissionRules;
      if (!Number.isInteger(act.months) || act.months < min || act.months > max) {
        return refuse('POSTPONE_RANGE', `延长预备期不能少于 ${min} 个月，最长不超过 ${max} 个月`);
      }
      const ends = r.probationEndsOn as string;
      return {
        ok: true,
        record: { ...r, postponedMonths: act.months, probationEndsOn: addCalendarMonths(ends, act.months) },
      };
    }
    case 'disqualify':
      return { ok: true, record: { ...r, stage: 'disqualified', closedOn: act.on } };
    case 'end':
      return { ok: true, record: { ...r, stage: 'ended', closedOn: act.on } };
  }
}

export interface AdmissionDue {
  next: AdmissionActKind;
  /** The earliest day the next step may happen (null: any time). */
  from: string | null;
  /** The day by which it should have happened (null: no deadline). */
  by: string | null;
  overdue: boolean;
}

/** What the branch should do next for this person, and whether it is late — the portal's "due / overdue". */
export function admissionDue(r: AdmissionRecord, today: string): AdmissionDue | null {
  const due = (next: AdmissionActKind, from: string | null, by: string | null): AdmissionDue => ({
    next,
    from,
    by,
    overdue: by !== null && today > by,
  });
  switch (r.stage) {
    case 'applicant':
      if (!r.talkedOn) return due('talk', null, addCalendarMonths(r.appliedOn, admissionRules.talkWithinMonths));
      return due('make_activist', null, null);
    case 'activist':
      return due(
        'make_candidate',
        addCalendarMonths(r.activistOn ?? r.appliedOn, admissionRules.activistMinMonths),
        null,
      );
    case 'candidate':
      if (r.admittedOn) {
        return due('higher_approval', null, addCalendarMonths(r.admittedOn, admissionRules.approvalWithinMonths));
      }
      if (!r.politicalReviewOn) return due('political_review', null, null);
      if (!r.trainingOn) return due('training', null, null);
      return due('branch_vote', null, null);
    case 'probationary':
      // The conversion is discussed when the probation ends; a month later it is overdue.
      return due(
        'conversion_vote',
        r.probationEndsOn ?? null,
        r.probationEndsOn ? addCalendarMonths(r.probationEndsOn, 1) : null,
      );
    default:
      return null;
  }
}

/**
 * The portal's word for a due step:
 * - `overdue`: its deadline has passed;
 * - `due`: it may happen now (and is not late);
 * - `waiting`: it may not happen before `from` (an activist's year of education is still running).
 */
export type AdmissionDueStatus = 'overdue' | 'due' | 'waiting';

export const admissionDueStatusLabels: Record<AdmissionDueStatus, string> = {
  overdue: '已逾期',
  due: '待办理',
  waiting: '未到期',
};

export function admissionDueStatus(due: AdmissionDue, today: string): AdmissionDueStatus {
  if (due.overdue) return 'overdue';
  return due.from !== null && today < due.from ? 'waiting' : 'due';
}

/**
 * Acts that end or refuse something carry the reason in the record (不予发展, 取消预备党员资格, a failed
 * political review, a higher committee that does not approve, a postponed probation).
 */
export function admissionActNeedsReason(act: AdmissionAct): boolean {
  switch (act.kind) {
    case 'end':
    case 'disqualify':
    case 'postpone':
      return true;
    case 'political_review':
      return !act.passed;
    case 'higher_approval':
      return !act.approved;
    default:
      return false;
  }
}
