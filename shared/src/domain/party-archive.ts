/**
 * The party's electronic archive (电子信息库): limits of the document cabinet (文件资料柜) and the
 * rules of the annual report (年度报表) — age bands and the tallies by branch, category, sex, age
 * band, education, new members and transfers. Pure: the BFF feeds member facts in, the portal and
 * the xlsx show what comes out.
 */
import type { Gender } from './registry';
import type { Education, MemberCategory } from './party-member';

/** Lengths of a cabinet document's fields (characters). */
export const partyDocumentLimits = {
  /** 文号, e.g. 青山党发〔2026〕3号 */
  number: { max: 64 },
  title: { max: 128 },
  /** 发文单位 */
  publisher: { max: 64 },
  search: { max: 32 },
} as const;

/** Rows one member import file may hold. */
export const partyImportLimits = { rows: { max: 2000 }, bytes: { max: 5 * 1024 * 1024 } } as const;

/** Age bands of the annual report (age on the report date, whole years). */
export const AgeBand = {
  UpTo30: 'up_to_30',
  From31To40: '31_40',
  From41To50: '41_50',
  From51To60: '51_60',
  From61To70: '61_70',
  Over70: 'over_70',
  Unknown: 'unknown',
} as const;
export type AgeBand = (typeof AgeBand)[keyof typeof AgeBand];
export const ageBandLabels: Record<AgeBand, string> = {
  up_to_30: '30 岁及以下',
  '31_40': '31–40 岁',
  '41_50': '41–50 岁',
  '51_60': '51–60 岁',
  '61_70': '61–70 岁',
  over_70: '71 岁及以上',
  unknown: '出生日期不详',
};

/** Whole years between `birthDate` and `on` (both `YYYY-MM-DD`); null when unknown or after `on`. */
export function ageInYears(birthDate: string | null, on: string): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || birthDate > on) return null;
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The band of someone born on `birthDate`, on the day `on`. */
export function ageBandOf(birthDate: string | null, on: string): AgeBand {
  const age = ageInYears(birthDate, on);
  if (age === null) return AgeBand.Unknown;
  if (age <= 30) return AgeBand.UpTo30;
  if (age <= 40) return AgeBand.From31To40;
  if (age <= 50) return AgeBand.From41To50;
  if (age <= 60) return AgeBand.From51To60;
  if (age <= 70) return AgeBand.From61To70;
  return AgeBand.Over70;
}

/** What the report needs to know about one member file. */
export interface ReportMemberFact {
  orgId: string;
  /** Still on the rolls (status active). */
  active: boolean;
  category: MemberCategory;
  gender: Gender | null;
  birthDate: string | null;
  education: Education | null;
  joinedOn: string;
}

/** A dated event of a member's history the report counts (transfers in and out of the town, moves). */
export interface ReportEventFact {
  kind: 'transfer_in' | 'transfer_out' | 'transfer_within';
  on: string;
}

export interface ReportCount<K extends string = string> {
  key: K;
  count: number;
}

export interface ReportBranchCount {
  orgId: string;
  full: number;
  probationary: number;
  total: number;
}

/** The tallies of the annual report (labels are added by whoever shows it). */
export interface AnnualTally {
  total: number;
  byBranch: ReportBranchCount[];
  bySex: ReportCount<Gender | 'unknown'>[];
  byAgeBand: ReportCount<AgeBand>[];
  byEducation: ReportCount<Education | 'unknown'>[];
  /** Members who joined the party (入党日期) in the year. */
  newMembers: number;
  transfersIn: number;
  transfersOut: number;
  transfersWithin: number;
}

const GENDER_KEYS = ['male', 'female', 'unknown'] as const;
const EDUCATION_KEYS = [
  'postgraduate',
  'bachelor',
  'college',
  'secondary',
  'high_school',
  'junior_high',
  'primary',
  'unknown',
] as const satisfies readonly (Education | 'unknown')[];

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): ReportCount<K>[] {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/**
 * The annual report of `year` as at `asOf` (the year's last day, or today for the current year).
 * The standing counts (branch, category, sex, age band, education) are of the files on the rolls
 * that had joined by `asOf`, ages on `asOf`; new members and transfers are the year's dated events.
 * `branchOrder` lists every branch to show (a branch with no members shows zeros).
 */
export function tallyAnnualReport(
  year: number,
  asOf: string,
  members: readonly ReportMemberFact[],
  events: readonly ReportEventFact[],
  branchOrder: readonly string[],
): AnnualTally {
  const inYear = (date: string) => date.startsWith(`${year}-`) && date <= asOf;
  const standing = members.filter((m) => m.active && m.joinedOn <= asOf);
  const branches = new Map<string, ReportBranchCount>(
    branchOrder.map((orgId) => [orgId, { orgId, full: 0, probationary: 0, total: 0 }]),
  );
  for (const m of standing) {
    const row = branches.get(m.orgId) ?? { orgId: m.orgId, full: 0, probationary: 0, total: 0 };
    row[m.category] += 1;
    row.total += 1;
    branches.set(m.orgId, row);
  }
  const bandKeys = Object.values(AgeBand);
  return {
    total: standing.length,
    byBranch: [...branches.values()],
    bySex: countBy(
      GENDER_KEYS,
      standing.map((m) => m.gender ?? 'unknown'),
    ),
    byAgeBand: countBy(
      bandKeys,
      standing.map((m) => ageBandOf(m.birthDate, asOf)),
    ),
    byEducation: countBy(
      EDUCATION_KEYS,
      standing.map((m) => m.education ?? 'unknown'),
    ),
    newMembers: members.filter((m) => inYear(m.joinedOn)).length,
    transfersIn: events.filter((e) => e.kind === 'transfer_in' && inYear(e.on)).length,
    transfersOut: events.filter((e) => e.kind === 'transfer_out' && inYear(e.on)).length,
    transfersWithin: events.filter((e) => e.kind === 'transfer_within' && inYear(e.on)).length,
  };
}

/** The report date of `year`: its last day, or `today` while the year is running. */
export function reportAsOf(year: number, today: string): string {
  const last = `${year}-12-31`;
  return today < last ? today : last;
}
