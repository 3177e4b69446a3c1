/**
 * Party records (issue #14): honours (组织荣誉 / 党员荣誉), annual plans and summaries (计划总结),
 * member pledges (党员承诺 / 承诺践诺) and democratic appraisal results (民主评议). Pure rules shared by
 * the BFF and the portal: the honour workflow as a table, who may take which step, the years a record
 * may be kept for, and when a pledge's fulfilment may be recorded.
 */

/** Lengths and ranges the forms and the BFF agree on. */
export const partyRecordLimits = {
  title: { max: 100 },
  awardingBody: { max: 100 },
  reason: { max: 500 },
  /** Plans and summaries are rich text (sanitised on the server like 党务公开). */
  body: { max: 20_000 },
  pledge: { max: 2_000 },
  fulfilment: { max: 2_000 },
  note: { max: 500 },
  attachments: { max: 9 },
  /** The first year a record may be kept for; the last is next year (a plan is written ahead). */
  firstYear: 2000,
} as const;

/** Who an honour went to: an organisation, or one of its members. */
export const honourKinds = ['org', 'member'] as const;
export type HonourKind = (typeof honourKinds)[number];
export const honourKindLabels: Record<HonourKind, string> = { org: '组织荣誉', member: '党员荣誉' };

/** The level of the awarding body. */
export const honourLevels = ['national', 'provincial', 'city', 'county', 'town'] as const;
export type HonourLevel = (typeof honourLevels)[number];
export const honourLevelLabels: Record<HonourLevel, string> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  county: '县级',
  town: '镇级',
};

/**
 * draft → submitted → approved → published, or submitted → rejected (with a reason) → submitted again
 * once corrected. Only published honours are shown to members.
 */
export const honourStatuses = ['draft', 'submitted', 'approved', 'rejected', 'published'] as const;
export type HonourStatus = (typeof honourStatuses)[number];
export const honourStatusLabels: Record<HonourStatus, string> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已审批',
  rejected: '已退回',
  published: '已发布',
};

export const honourActs = ['edit', 'submit', 'approve', 'reject', 'publish'] as const;
export type HonourAct = (typeof honourActs)[number];
export const honourActLabels: Record<HonourAct, string> = {
  edit: '修改',
  submit: '提交审批',
  approve: '审批通过',
  reject: '退回',
  publish: '发布',
};

/**
 * What the caller is for the honour's organisation. `committee`: a staff member assigned to that
 * organisation or one above it who manages member files there (支委 — `party:member:manage` within
 * their party scope). `secretary`: one who also holds `party:honour:approve` there (the 党组织书记
 * role holds it; the town admin too, for the whole town).
 */
export interface HonourActor {
  committee: boolean;
  secretary: boolean;
}

/** The workflow as a table: the statuses an act starts from, the one it leads to, who may take it. */
export const honourWorkflow: Record<
  HonourAct,
  { from: readonly HonourStatus[]; to: HonourStatus; by: keyof HonourActor }
> = {
  edit: { from: ['draft', 'rejected'], to: 'draft', by: 'committee' },
  submit: { from: ['draft', 'rejected'], to: 'submitted', by: 'committee' },
  approve: { from: ['submitted'], to: 'approved', by: 'secretary' },
  reject: { from: ['submitted'], to: 'rejected', by: 'secretary' },
  publish: { from: ['approved'], to: 'published', by: 'committee' },
};

/** Why an act is refused (Chinese, for the person), or null when it may be taken. */
export function honourActRefusal(status: HonourStatus, act: HonourAct, actor: HonourActor): string | null {
  const step = honourWorkflow[act];
  if (!actor[step.by]) return step.by === 'secretary' ? '只有本组织书记可以审批荣誉' : '只有本组织的支委可以办理荣誉';
  if (!step.from.includes(status)) return `荣誉${honourStatusLabels[status]}，不能${honourActLabels[act]}`;
  return null;
}

/** The acts the caller may take now, in workflow order (the BFF sends them; clients show buttons). */
export function allowedHonourActs(status: HonourStatus, actor: HonourActor): HonourAct[] {
  return honourActs.filter((act) => honourActRefusal(status, act, actor) === null);
}

/** The status an allowed act leads to. */
export function honourStatusAfter(act: HonourAct): HonourStatus {
  return honourWorkflow[act].to;
}

/** Annual plan (工作计划) or summary (工作总结). */
export const planKinds = ['plan', 'summary'] as const;
export type PlanKind = (typeof planKinds)[number];
export const planKindLabels: Record<PlanKind, string> = { plan: '年度计划', summary: '年度总结' };

/** 民主评议 results, best first. */
export const appraisalResults = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type AppraisalResult = (typeof appraisalResults)[number];
export const appraisalResultLabels: Record<AppraisalResult, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

/** How a pledge was kept, as the branch records it at year end (承诺践诺). */
export const fulfilmentStatuses = ['fulfilled', 'partly', 'unfulfilled'] as const;
export type FulfilmentStatus = (typeof fulfilmentStatuses)[number];
export const fulfilmentStatusLabels: Record<FulfilmentStatus, string> = {
  fulfilled: '已践诺',
  partly: '部分践诺',
  unfulfilled: '未践诺',
};

/**
 * Why a record cannot be kept for `year` (Beijing `today`, YYYY-MM-DD), or null. Plans may be written
 * for next year; summaries, pledges' years and appraisals may not be later than the current year
 * (`ahead` = whether next year is allowed).
 */
export function recordYearProblem(year: number, today: string, ahead: boolean): string | null {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < partyRecordLimits.firstYear)
    return `年度不能早于 ${partyRecordLimits.firstYear} 年`;
  const last = ahead ? current + 1 : current;
  if (year > last) return ahead ? '只能提前制定下一年度的计划' : '年度不能晚于今年';
  return null;
}

/** The day the branch may start recording how a pledge for `year` was kept: 1 December of that year. */
export function fulfilmentOpensOn(year: number): string {
  return `${year}-12-01`;
}

/** Why the fulfilment of a pledge for `year` cannot be recorded on `today`, or null. */
export function fulfilmentRefusal(year: number, today: string): string | null {
  if (today < fulfilmentOpensOn(year)) return `${year} 年的承诺践诺情况须在 ${year} 年 12 月 1 日以后年终评定`;
  return null;
}
