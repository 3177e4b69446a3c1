/**
 * The registry (人、地、事、物、组织) vocabulary: enum values stored in the database, with the Chinese
 * labels both front ends show. Values are stable English identifiers; never store a label.
 */

/** 房屋用途. */
export const HouseUse = {
  SelfOccupied: 'self_occupied',
  Rented: 'rented',
  Vacant: 'vacant',
  Commercial: 'commercial',
} as const;
export type HouseUse = (typeof HouseUse)[keyof typeof HouseUse];
export const houseUseLabels: Record<HouseUse, string> = {
  self_occupied: '自住',
  rented: '出租',
  vacant: '空置',
  commercial: '商用',
};

export const Gender = { Male: 'male', Female: 'female' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];
export const genderLabels: Record<Gender, string> = { male: '男', female: '女' };

/** 户籍类型: registered here (户籍人口) or floating population (流动人口). */
export const HukouType = { Local: 'local', Floating: 'floating' } as const;
export type HukouType = (typeof HukouType)[keyof typeof HukouType];
export const hukouTypeLabels: Record<HukouType, string> = { local: '户籍', floating: '流动' };

/** 居住证 status of a floating resident. */
export const PermitStatus = { None: 'none', Applied: 'applied', Valid: 'valid', Expired: 'expired' } as const;
export type PermitStatus = (typeof PermitStatus)[keyof typeof PermitStatus];
export const permitStatusLabels: Record<PermitStatus, string> = {
  none: '未办理',
  applied: '办理中',
  valid: '有效',
  expired: '已过期',
};

/** 人员状态: only active persons count in lists and statistics by default. */
export const PersonStatus = { Active: 'active', MovedOut: 'moved_out', Deceased: 'deceased' } as const;
export type PersonStatus = (typeof PersonStatus)[keyof typeof PersonStatus];
export const personStatusLabels: Record<PersonStatus, string> = {
  active: '在册',
  moved_out: '已迁出',
  deceased: '已故',
};

/** 人房关系. */
export const HouseRelation = { Owner: 'owner', Tenant: 'tenant', Resident: 'resident' } as const;
export type HouseRelation = (typeof HouseRelation)[keyof typeof HouseRelation];
export const houseRelationLabels: Record<HouseRelation, string> = {
  owner: '产权人',
  tenant: '租户',
  resident: '居住人',
};

/** 户类型 (rural four-level grid): 常住户 / 流动户 / 空壳户 (registered but nobody lives there). */
export const HouseholdType = { Resident: 'resident', Floating: 'floating', Empty: 'empty' } as const;
export type HouseholdType = (typeof HouseholdType)[keyof typeof HouseholdType];
export const householdTypeLabels: Record<HouseholdType, string> = {
  resident: '常住户',
  floating: '流动户',
  empty: '空壳户',
};

/** 与户主关系 (GB/T 4761 simplified). */
export const HeadRelation = {
  Self: 'self',
  Spouse: 'spouse',
  Child: 'child',
  Parent: 'parent',
  Grandchild: 'grandchild',
  Grandparent: 'grandparent',
  Sibling: 'sibling',
  ChildInLaw: 'child_in_law',
  Other: 'other',
} as const;
export type HeadRelation = (typeof HeadRelation)[keyof typeof HeadRelation];
export const headRelationLabels: Record<HeadRelation, string> = {
  self: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙辈',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  child_in_law: '儿媳/女婿',
  other: '其他',
};

export const BusinessType = {
  Catering: 'catering',
  Retail: 'retail',
  Manufacturing: 'manufacturing',
  Service: 'service',
  Farming: 'farming',
  Lodging: 'lodging',
  Other: 'other',
} as const;
export type BusinessType = (typeof BusinessType)[keyof typeof BusinessType];
export const businessTypeLabels: Record<BusinessType, string> = {
  catering: '餐饮',
  retail: '零售',
  manufacturing: '生产加工',
  service: '生活服务',
  farming: '农业经营',
  lodging: '住宿',
  other: '其他',
};

export const BusinessStatus = { Open: 'open', Suspended: 'suspended', Closed: 'closed' } as const;
export type BusinessStatus = (typeof BusinessStatus)[keyof typeof BusinessStatus];
export const businessStatusLabels: Record<BusinessStatus, string> = { open: '在营', suspended: '停业', closed: '注销' };

/** A person tag definition from the managed list (`tag_definition`). */
export interface TagDefinitionInfo {
  /** Stable code, e.g. `elderly_alone`. */
  code: string;
  name: string;
  /** Tags that need care: a visit is due this many days after the last one; null = no visits. */
  visitIntervalDays: number | null;
  /** Display colour (CSS hex). */
  color: string;
}

/**
 * The tags a new installation starts with. Intervals follow common practice of town grid offices:
 * 独居老人 weekly, 重点人员 every two weeks, other care groups monthly.
 */
export const defaultPersonTags: readonly TagDefinitionInfo[] = [
  { code: 'elderly_alone', name: '独居老人', visitIntervalDays: 7, color: '#d9480f' },
  { code: 'elderly_80', name: '高龄老人', visitIntervalDays: 30, color: '#e67700' },
  { code: 'disabled', name: '残疾人', visitIntervalDays: 30, color: '#5f3dc4' },
  { code: 'left_behind_child', name: '留守儿童', visitIntervalDays: 30, color: '#1971c2' },
  { code: 'low_income', name: '低保户', visitIntervalDays: 30, color: '#2b8a3e' },
  { code: 'veteran', name: '退役军人', visitIntervalDays: null, color: '#495057' },
  { code: 'key_person', name: '重点人员', visitIntervalDays: 14, color: '#c92a2a' },
  { code: 'floating', name: '流动人口', visitIntervalDays: null, color: '#0c8599' },
];

/** Limits of registry fields, shared by the forms and the BFF. */
export const registryLimits = {
  personName: { min: 1, max: 32 },
  address: { max: 128 },
  note: { max: 500 },
  tagCode: { pattern: /^[a-z][a-z0-9_]{1,31}$/ },
  tagName: { min: 1, max: 16 },
  visitIntervalDays: { min: 1, max: 365 },
  visitNote: { min: 1, max: 500 },
  visitPhotos: { max: 3 },
  businessName: { min: 1, max: 64 },
  /** Excel import: rows per file. */
  importRows: { max: 20000 },
  /** Excel import: bytes per file. */
  importBytes: { max: 10 * 1024 * 1024 },
  /** Export: rows per file (narrow the filters beyond this). */
  exportRows: { max: 50000 },
} as const;

export type VisitDueStatus = 'overdue' | 'due' | 'upcoming' | 'ok';

export interface VisitDueInput {
  /** Visit intervals (days) of the person's care tags; tags without an interval are left out. */
  intervalsDays: readonly number[];
  /** Last recorded visit, or null when never visited. */
  lastVisitedAt: Date | null;
  /** When the earliest care tag was given: the clock starts there for someone never visited. */
  taggedAt: Date;
  now: Date;
  /** "upcoming" window: due within this many days (default 2). */
  lookaheadDays?: number;
}

export interface VisitDue {
  status: VisitDueStatus;
  /** When the next visit is due (start of the local day is the caller's concern). */
  dueAt: Date;
  /** Days past due (≥ 1 when overdue), 0 otherwise. */
  overdueDays: number;
  intervalDays: number;
}

const DAY_MS = 86_400_000;

/**
 * When a person with care tags must next be visited. The shortest interval wins (an 独居老人 who is
 * also 低保户 is visited weekly). A person never visited is due one interval after being tagged.
 * Returns null when none of the tags needs visits.
 */
export function computeVisitDue(input: VisitDueInput): VisitDue | null {
  if (input.intervalsDays.length === 0) return null;
  const intervalDays = Math.min(...input.intervalsDays);
  const from = input.lastVisitedAt ?? input.taggedAt;
  const dueAt = new Date(from.getTime() + intervalDays * DAY_MS);
  const diff = input.now.getTime() - dueAt.getTime();
  if (diff >= DAY_MS) return { status: 'overdue', dueAt, overdueDays: Math.floor(diff / DAY_MS), intervalDays };
  if (diff >= 0) return { status: 'due', dueAt, overdueDays: 0, intervalDays };
  const lookahead = (input.lookaheadDays ?? 2) * DAY_MS;
  return { status: -diff <= lookahead ? 'upcoming' : 'ok', dueAt, overdueDays: 0, intervalDays };
}
