/**
 * The case (接诉即办 / 随手拍) vocabulary and its state machine, as pure code shared by the BFF (which
 * enforces it), the admin and the mini-program (which only offer the actions it allows).
 *
 * Main line: submitted → accepted → dispatched → processing → resolved → closed.
 * Branches: pending_review (content security asked for a human look), rejected (invalid report),
 * returned (the worker sends it back), transferred (a not-yet-accepted case moved to another
 * grid/department, to be accepted there; an accepted case stays accepted when moved), escalated
 * (to the town, or up to the city platform), disputed (the reporter says it is not fixed),
 * reopened (staff reopen a closed/rejected case), merged (duplicate of another case).
 * 'closed' is not 'fixed': a closed case carries its outcome.
 */

export const CaseStatus = {
  PendingReview: 'pending_review',
  Submitted: 'submitted',
  Accepted: 'accepted',
  Dispatched: 'dispatched',
  Processing: 'processing',
  Returned: 'returned',
  Transferred: 'transferred',
  Escalated: 'escalated',
  Resolved: 'resolved',
  Disputed: 'disputed',
  Reopened: 'reopened',
  Closed: 'closed',
  Rejected: 'rejected',
  Merged: 'merged',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];
export const allCaseStatuses: readonly CaseStatus[] = Object.values(CaseStatus);

export const caseStatusLabels: Record<CaseStatus, string> = {
  pending_review: '待审核',
  submitted: '待受理',
  accepted: '已受理',
  dispatched: '已派单',
  processing: '处理中',
  returned: '已退回',
  transferred: '已转办',
  escalated: '已上报',
  resolved: '已办结',
  disputed: '有异议',
  reopened: '已重启',
  closed: '已关闭',
  rejected: '不予受理',
  merged: '已合并',
};

/** Statuses after which nothing happens unless staff reopen. */
export const terminalCaseStatuses: readonly CaseStatus[] = ['closed', 'rejected', 'merged'];
/** Statuses counted as open work (SLA clock running). `resolved` waits for the reporter, not staff. */
export const openCaseStatuses: readonly CaseStatus[] = [
  'pending_review',
  'submitted',
  'accepted',
  'dispatched',
  'processing',
  'returned',
  'transferred',
  'escalated',
  'disputed',
  'reopened',
];
export const isCaseOpen = (s: CaseStatus): boolean => openCaseStatuses.includes(s);

/** How a closed case ended: 'closed' is not 'fixed'. */
export const CaseOutcome = { Fixed: 'fixed', NotFixed: 'not_fixed', Withdrawn: 'withdrawn' } as const;
export type CaseOutcome = (typeof CaseOutcome)[keyof typeof CaseOutcome];
export const caseOutcomeLabels: Record<CaseOutcome, string> = {
  fixed: '已解决',
  not_fixed: '未解决',
  withdrawn: '已撤回',
};

export const CaseSource = {
  Mp: 'mp',
  Hotline: 'hotline',
  Patrol: 'patrol',
  Iot: 'iot',
  Open311: 'open311',
  Admin: 'admin',
} as const;
export type CaseSource = (typeof CaseSource)[keyof typeof CaseSource];
export const caseSourceLabels: Record<CaseSource, string> = {
  mp: '随手拍',
  hotline: '12345热线',
  patrol: '巡查上报',
  iot: '物联感知',
  open311: 'Open311',
  admin: '后台录入',
};

export const CasePriority = { Low: 'low', Normal: 'normal', High: 'high', Urgent: 'urgent' } as const;
export type CasePriority = (typeof CasePriority)[keyof typeof CasePriority];
/**
 * One label per level, in ascending order, so the order reads at a glance (一般 and 普通 read as
 * synonyms, hence 低). Every view, message, export and seed text takes its words from here.
 */
export const casePriorityLabels: Record<CasePriority, string> = {
  low: '低',
  normal: '普通',
  high: '紧急',
  urgent: '特急',
};
/** Levels from lowest to highest (option lists, sorting). */
export const casePriorityOrder: readonly CasePriority[] = ['low', 'normal', 'high', 'urgent'];
/** `优先级须为 低、普通、紧急、特急 之一` — the validation message every priority field uses. */
export const casePriorityInvalidMessage = `优先级须为 ${casePriorityOrder.map((p) => casePriorityLabels[p]).join('、')} 之一`;
/** The category's SLA (working hours) is multiplied by this for the case's priority. */
export const casePrioritySlaFactor: Record<CasePriority, number> = { low: 1.5, normal: 1, high: 0.5, urgent: 0.25 };

/** Escalation target: the town's own staff, or the city operation platform (城市运行管理服务平台). */
export type EscalationLevel = 'town' | 'city';

/**
 * Who performs an action:
 * - `reporter`: the resident who filed the case (mini-program user id = case.reporterId);
 * - `assignee`: the worker the case is dispatched to (mini-program grid worker or staff);
 * - `dispatcher`: staff with `case:dispatch` whose data scope contains the case;
 * - `system`: jobs and connectors (SLA watcher, content security callback, gov platforms).
 */
export type CaseActorRole = 'reporter' | 'assignee' | 'dispatcher' | 'system';

export const CaseAction = {
  Approve: 'approve',
  Accept: 'accept',
  Reject: 'reject',
  Dispatch: 'dispatch',
  Start: 'start',
  Return: 'return',
  Resolve: 'resolve',
  Transfer: 'transfer',
  Escalate: 'escalate',
  Rate: 'rate',
  Close: 'close',
  Dispute: 'dispute',
  Reopen: 'reopen',
  Merge: 'merge',
} as const;
export type CaseAction = (typeof CaseAction)[keyof typeof CaseAction];
export const allCaseActions: readonly CaseAction[] = Object.values(CaseAction);

export const caseActionLabels: Record<CaseAction, string> = {
  approve: '审核通过',
  accept: '受理',
  reject: '不予受理',
  dispatch: '派单',
  start: '接单',
  return: '退回',
  resolve: '办结',
  transfer: '转办',
  escalate: '上报',
  rate: '评价',
  close: '关闭',
  dispute: '未解决',
  reopen: '重启',
  merge: '合并',
};

/** Input an action cannot do without (checked by the BFF, offered by the forms). */
export type CaseActionInput =
  'reason' | 'assignee' | 'targetRegion' | 'level' | 'result' | 'rating' | 'outcome' | 'mergeInto';

export interface CaseTransition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  actors: readonly CaseActorRole[];
  requires: readonly CaseActionInput[];
  /**
   * Where the action lands from particular statuses, when not `to`. A transfer keeps an accepted case
   * accepted (the dispatcher moving it holds both grids in scope: a second 受理 would be a formality),
   * while a case nobody has accepted yet waits for 受理 in its new grid.
   */
  landsIn?: Partial<Record<CaseStatus, CaseStatus>>;
}

/**
 * The transition table. `rate` closes a resolved case as fixed (or rates an auto-closed fixed case,
 * staying closed); `dispute` is allowed on resolved cases and on cases closed as fixed within
 * `caseLimits.disputeWindowDays` of resolution (the BFF checks the window).
 */
export const caseTransitions: Record<CaseAction, CaseTransition> = {
  approve: { from: ['pending_review'], to: 'submitted', actors: ['dispatcher', 'system'], requires: [] },
  accept: { from: ['submitted', 'transferred', 'reopened'], to: 'accepted', actors: ['dispatcher'], requires: [] },
  reject: {
    from: ['pending_review', 'submitted', 'accepted', 'transferred'],
    to: 'rejected',
    actors: ['dispatcher', 'system'],
    requires: ['reason'],
  },
  dispatch: {
    from: ['submitted', 'accepted', 'returned', 'escalated', 'disputed', 'reopened', 'dispatched'],
    to: 'dispatched',
    actors: ['dispatcher'],
    requires: ['assignee'],
  },
  start: { from: ['dispatched'], to: 'processing', actors: ['assignee'], requires: [] },
  return: { from: ['dispatched', 'processing'], to: 'returned', actors: ['assignee'], requires: ['reason'] },
  resolve: {
    from: ['processing', 'dispatched', 'escalated'],
    to: 'resolved',
    actors: ['assignee', 'dispatcher', 'system'],
    requires: ['result'],
  },
  transfer: {
    from: ['submitted', 'accepted', 'returned', 'disputed', 'reopened', 'dispatched'],
    to: 'accepted',
    actors: ['dispatcher'],
    requires: ['targetRegion', 'reason'],
    landsIn: { submitted: 'transferred', reopened: 'transferred' },
  },
  escalate: {
    from: [
      'submitted',
      'accepted',
      'dispatched',
      'processing',
      'returned',
      'transferred',
      'disputed',
      'reopened',
      'escalated',
    ],
    to: 'escalated',
    actors: ['dispatcher', 'system'],
    requires: ['level', 'reason'],
  },
  rate: { from: ['resolved', 'closed'], to: 'closed', actors: ['reporter'], requires: ['rating'] },
  close: { from: ['resolved', 'disputed'], to: 'closed', actors: ['dispatcher', 'system'], requires: ['outcome'] },
  dispute: { from: ['resolved', 'closed'], to: 'disputed', actors: ['reporter'], requires: ['reason'] },
  reopen: { from: ['closed', 'rejected'], to: 'reopened', actors: ['dispatcher'], requires: ['reason'] },
  merge: {
    from: ['pending_review', 'submitted', 'accepted', 'transferred', 'reopened'],
    to: 'merged',
    actors: ['dispatcher'],
    requires: ['mergeInto'],
  },
};

export type TransitionCheck =
  | { ok: true; to: CaseStatus; requires: readonly CaseActionInput[] }
  | { ok: false; code: 'CASE_TRANSITION_INVALID' | 'CASE_ACTION_FORBIDDEN' };

/**
 * Whether `actor` may take `action` on a case in `status`. Checks the table only; the BFF adds the
 * facts the table cannot know (is this the reporter, the assignee, in scope, inside the dispute
 * window, rated already).
 */
export function checkCaseTransition(status: CaseStatus, action: CaseAction, actor: CaseActorRole): TransitionCheck {
  const t = caseTransitions[action];
  if (!t) return { ok: false, code: 'CASE_TRANSITION_INVALID' };
  if (!t.actors.includes(actor)) return { ok: false, code: 'CASE_ACTION_FORBIDDEN' };
  if (!t.from.includes(status)) return { ok: false, code: 'CASE_TRANSITION_INVALID' };
  return { ok: true, to: t.landsIn?.[status] ?? t.to, requires: t.requires };
}

/** The actions `actor` may take now (buttons to offer). */
export function availableCaseActions(status: CaseStatus, actor: CaseActorRole): CaseAction[] {
  return allCaseActions.filter((a) => checkCaseTransition(status, a, actor).ok);
}

/** Timeline event types: every action, plus events that change no status. */
export type CaseEventType =
  | 'created'
  | CaseAction
  | 'note'
  | 'followed'
  | 'sla_warning'
  | 'overdue'
  | 'content_review'
  | 'external_sync'
  /** Staff corrected the point and/or grid (更正位置); audited, no status change. */
  | 'relocated';

export const caseEventLabels: Record<CaseEventType, string> = {
  ...caseActionLabels,
  created: '提交',
  note: '进展',
  followed: '附议',
  sla_warning: '即将超时',
  overdue: '已超时',
  content_review: '内容审核',
  external_sync: '外部同步',
  relocated: '更正位置',
};

/** Limits shared by both front ends and the BFF. */
export const caseLimits = {
  description: { min: 5, max: 500 },
  address: { max: 128 },
  photos: { max: 9 },
  afterPhotos: { max: 9 },
  note: { max: 500 },
  reason: { min: 2, max: 200 },
  result: { min: 2, max: 500 },
  ratingComment: { max: 200 },
  /** Days after resolution in which the reporter may say "not fixed". */
  disputeWindowDays: 7,
  /** Days after resolution after which an unrated resolved case closes itself as fixed. */
  autoCloseDays: 7,
  /** Radius (m) of the nearby-duplicates suggestion unless configured otherwise. */
  nearbyRadiusM: 200,
  /** Client-generated idempotency key (UUID or similar). */
  idempotencyKey: { min: 8, max: 64 },
  /** Fraction of the SLA after which the watcher warns (0.75 = with a quarter left). */
  warnAtFraction: 0.75,
} as const;

/** Canned replies offered next to each staff action (editable before sending). */
export const caseReplyTemplates: Partial<Record<CaseAction, readonly string[]>> = {
  accept: ['您的反映已受理，我们将尽快安排处理。'],
  reject: [
    '经核实，该问题不属于本辖区职责范围，请联系相关部门。',
    '反映内容不完整，无法核实，请补充后重新提交。',
    '经核实，该问题已处理完毕。',
  ],
  dispatch: ['请于时限内到现场核实处理，并上传处理前后照片。'],
  return: ['不属于本网格范围，申请转办。', '现场无法处理，需要相关部门协助。'],
  resolve: ['已到现场处理完毕，请查看处理后照片。'],
  transfer: ['该问题属于其他网格或部门职责，已转办。'],
  escalate: ['超出本级处置能力，申请上级协调。'],
  close: ['已办结，感谢您的反映。'],
  reopen: ['经复核需要重新处理。'],
};

export interface DefaultCaseCategory {
  code: string;
  name: string;
  icon: string;
  department: string;
  slaHours: number;
  acceptHours: number;
  /** Published on Open311 (see `CaseCategoryVO.isPublic`). */
  isPublic: boolean;
}

/**
 * The category list a new installation starts with (staff edit it in the admin). Hours are working hours.
 * Public (shown on Open311 with position and the staff-reviewed text) are the problems of public space
 * only: roads, street lights, rubbish, sewage, greenery, parking. Not public are those about people or
 * their homes — 违章搭建 and 噪声扰民 point at a neighbour, 邻里纠纷 is private by nature, 安全隐患 is
 * often inside a home, 其他问题 is unknown — and every category staff create (they opt in).
 */
export const defaultCaseCategories: readonly DefaultCaseCategory[] = [
  { code: 'road', name: '道路破损', icon: 'road', department: '城建办', slaHours: 24, acceptHours: 2, isPublic: true },
  {
    code: 'streetlight',
    name: '路灯故障',
    icon: 'light',
    department: '城建办',
    slaHours: 16,
    acceptHours: 2,
    isPublic: true,
  },
  {
    code: 'garbage',
    name: '垃圾堆放',
    icon: 'trash',
    department: '环卫所',
    slaHours: 8,
    acceptHours: 2,
    isPublic: true,
  },
  {
    code: 'sewage',
    name: '污水外溢',
    icon: 'water',
    department: '水务站',
    slaHours: 16,
    acceptHours: 2,
    isPublic: true,
  },
  {
    code: 'greenery',
    name: '绿化损毁',
    icon: 'tree',
    department: '城建办',
    slaHours: 40,
    acceptHours: 4,
    isPublic: true,
  },
  {
    code: 'illegal_building',
    name: '违章搭建',
    icon: 'building',
    department: '综合执法队',
    slaHours: 40,
    acceptHours: 4,
    isPublic: false,
  },
  {
    code: 'noise',
    name: '噪声扰民',
    icon: 'noise',
    department: '综合执法队',
    slaHours: 16,
    acceptHours: 2,
    isPublic: false,
  },
  {
    code: 'parking',
    name: '乱停乱放',
    icon: 'car',
    department: '综合执法队',
    slaHours: 8,
    acceptHours: 2,
    isPublic: true,
  },
  {
    code: 'dispute',
    name: '邻里纠纷',
    icon: 'people',
    department: '综治中心',
    slaHours: 40,
    acceptHours: 4,
    isPublic: false,
  },
  {
    code: 'safety',
    name: '安全隐患',
    icon: 'warning',
    department: '安监办',
    slaHours: 8,
    acceptHours: 1,
    isPublic: false,
  },
  {
    code: 'other',
    name: '其他问题',
    icon: 'more',
    department: '党政办',
    slaHours: 40,
    acceptHours: 4,
    isPublic: false,
  },
];

/** Category icon keys and the glyph both front ends show for them (no icon font needed). */
export const caseCategoryIcons: Record<string, string> = {
  road: '🛣️',
  light: '💡',
  trash: '🗑️',
  water: '💧',
  tree: '🌳',
  building: '🏗️',
  noise: '🔊',
  car: '🚗',
  people: '🤝',
  warning: '⚠️',
  more: '📌',
};
