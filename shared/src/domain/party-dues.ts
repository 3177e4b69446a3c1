/**
 * Monthly party dues (党费) from the Central Organisation Department's 2008 rules (关于中国共产党党费收缴、
 * 使用和管理的规定, 组通字〔2008〕3号), in integer fen (分).
 *
 * - Employed members (在职) pay a share of their monthly after-tax salary income: up to ¥3,000 (inclusive)
 *   0.5 %; above ¥3,000 up to ¥5,000 (inclusive) 1 %; above ¥5,000 up to ¥10,000 (inclusive) 1.5 %; above
 *   ¥10,000 2 %. The rules word each bracket "…元以上至…元（含…元）", so a bracket's upper bound belongs to
 *   it: ¥3,000.00 pays 0.5 %, ¥3,000.01 pays 1 %.
 * - Retired members (离退休) pay on their monthly pension: up to ¥5,000 (inclusive) 0.5 %, above 1 %.
 * - Farmers (农民党员) pay ¥0.20–¥1.00 a month; the branch's amount is configurable, ¥0.20 by default.
 * - Students, the unemployed (下岗失业) and members living on subsistence allowance (低保) pay ¥0.20.
 *
 * The rate applies to the whole income (it is not progressive like income tax). Rounding: once, half up,
 * to the fen (四舍五入到分) — ¥3,001 × 1 % = ¥30.01 exactly; ¥4,321.23 × 1 % = ¥43.2123 → ¥43.21;
 * ¥1,001.00 × 0.5 % = ¥5.005 → ¥5.01 (an exact half goes up, not to the even fen). Voluntary extra dues and special dues (特殊党费) are separate bill
 * kinds, not part of this amount.
 */

export const DuesKind = {
  Employed: 'employed',
  Retired: 'retired',
  Farmer: 'farmer',
  Student: 'student',
  Unemployed: 'unemployed',
  Subsistence: 'subsistence',
} as const;
export type DuesKind = (typeof DuesKind)[keyof typeof DuesKind];

export const duesKindLabels: Record<DuesKind, string> = {
  employed: '在职党员',
  retired: '离退休党员',
  farmer: '农民党员',
  student: '学生党员',
  unemployed: '下岗失业党员',
  subsistence: '享受低保党员',
};

/** Whether the kind's dues depend on a declared income (salary or pension). */
export const duesKindNeedsIncome = (kind: DuesKind): boolean => kind === 'employed' || kind === 'retired';

/** Farmers' monthly amount: configurable within these bounds (fen). */
export const farmerDuesBoundsFen = { min: 20, max: 100, default: 20 } as const;
/** What students, the unemployed and members on subsistence allowance pay a month (fen). */
export const FLAT_LOW_DUES_FEN = 20;

/** One income bracket: incomes up to `upToFen` (inclusive; null: no upper bound) pay `rateBp` basis points. */
export interface DuesBracket {
  upToFen: number | null;
  /** Rate in basis points (1 bp = 0.01 %): 50 = 0.5 %. */
  rateBp: number;
  /** The bracket as the rules word it, for the member's "how it was computed". */
  label: string;
}

export const employedDuesBrackets: readonly DuesBracket[] = [
  { upToFen: 300_000, rateBp: 50, label: '3000元以下（含3000元）' },
  { upToFen: 500_000, rateBp: 100, label: '3000元以上至5000元（含5000元）' },
  { upToFen: 1_000_000, rateBp: 150, label: '5000元以上至10000元（含10000元）' },
  { upToFen: null, rateBp: 200, label: '10000元以上' },
];

export const retiredDuesBrackets: readonly DuesBracket[] = [
  { upToFen: 500_000, rateBp: 50, label: '5000元以下（含5000元）' },
  { upToFen: null, rateBp: 100, label: '5000元以上' },
];

export interface DuesOptions {
  /** The farmers' monthly amount chosen by the organisation (fen, 20–100); default 20. */
  farmerFen?: number;
}

/** Share of `incomeFen` at `rateBp`, rounded once, half up, to the fen. */
export function applyRateFen(incomeFen: number, rateBp: number): number {
  return Math.floor((incomeFen * rateBp + 5_000) / 10_000);
}

function bracketOf(brackets: readonly DuesBracket[], incomeFen: number): DuesBracket {
  return brackets.find((b) => b.upToFen === null || incomeFen <= b.upToFen) ?? brackets[brackets.length - 1];
}

function assertIncome(incomeFen: number): void {
  if (!Number.isSafeInteger(incomeFen) || incomeFen < 0) {
    throw new RangeError(`incomeFen must be a non-negative integer number of fen, got ${incomeFen}`);
  }
}

function farmerFen(options: DuesOptions): number {
  const fen = options.farmerFen ?? farmerDuesBoundsFen.default;
  if (!Number.isInteger(fen) || fen < farmerDuesBoundsFen.min || fen > farmerDuesBoundsFen.max) {
    throw new RangeError(`farmerFen must be an integer from 20 to 100, got ${fen}`);
  }
  return fen;
}

/** How a month's dues were computed, for the member and the branch to read. */
export interface DuesComputation {
  kind: DuesKind;
  /** The declared monthly income the rate applied to (fen); null for flat amounts. */
  incomeFen: number | null;
  bracket: DuesBracket | null;
  dueFen: number;
  /** One Chinese sentence, e.g. "在职党员，月税后工资收入3000元以上至5000元（含5000元），按1%交纳：4321.23元 × 1% = 43.21元". */
  explanation: string;
}

export const formatYuan = (fen: number): string => `${(fen / 100).toFixed(2)}元`;
const formatRate = (bp: number): string => `${bp / 100}%`;

/**
 * The monthly dues of a member of `kind` with monthly income `incomeFen` (after-tax salary for the
 * employed, pension for retirees; ignored for the other kinds). Throws RangeError on a negative or
 * fractional income or a farmers' amount outside 20–100 fen.
 */
export function monthlyDuesFen(kind: DuesKind, incomeFen: number, options: DuesOptions = {}): number {
  return duesComputation(kind, incomeFen, options).dueFen;
}

/** `monthlyDuesFen` with its reasoning. */
export function duesComputation(kind: DuesKind, incomeFen: number, options: DuesOptions = {}): DuesComputation {
  const label = duesKindLabels[kind];
  if (kind === 'employed' || kind === 'retired') {
    assertIncome(incomeFen);
    const bracket = bracketOf(kind === 'employed' ? employedDuesBrackets : retiredDuesBrackets, incomeFen);
    const dueFen = applyRateFen(incomeFen, bracket.rateBp);
    const base = kind === 'employed' ? '月税后工资收入' : '月离退休费';
    return {
      kind,
      incomeFen,
      bracket,
      dueFen,
      explanation:
        `${label}，${base}${bracket.label}，按${formatRate(bracket.rateBp)}交纳：` +
        `${formatYuan(incomeFen)} × ${formatRate(bracket.rateBp)} = ${formatYuan(dueFen)}`,
    };
  }
  if (kind === 'farmer') {
    const dueFen = farmerFen(options);
    return { kind, incomeFen: null, bracket: null, dueFen, explanation: `${label}每月交纳${formatYuan(dueFen)}` };
  }
  if (kind === 'student' || kind === 'unemployed' || kind === 'subsistence') {
    return {
      kind,
      incomeFen: null,
      bracket: null,
      dueFen: FLAT_LOW_DUES_FEN,
      explanation: `${label}每月交纳${formatYuan(FLAT_LOW_DUES_FEN)}`,
    };
  }
  throw new RangeError(`unknown dues kind: ${String(kind)}`);
}
