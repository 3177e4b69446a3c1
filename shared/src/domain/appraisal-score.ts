/**
 * Democratic appraisal of members (民主评议党员): the satisfaction score of one member from the votes of
 * three groups, weighted 60 % residents (群众), 30 % members (党员), 10 % leaders (领导) — seed spec §4.3.
 */

export const AppraisalGroup = {
  Resident: 'resident',
  Member: 'member',
  Leader: 'leader',
} as const;
export type AppraisalGroup = (typeof AppraisalGroup)[keyof typeof AppraisalGroup];

export const appraisalGroupLabels: Record<AppraisalGroup, string> = {
  resident: '群众',
  member: '党员',
  leader: '领导',
};

/** Weights in percent; they add up to 100. */
export const appraisalWeights: Record<AppraisalGroup, number> = { resident: 60, member: 30, leader: 10 };

/** One vote: a whole-number score from 0 to 100. */
export interface AppraisalVote {
  group: AppraisalGroup;
  score: number;
}

/** Why a vote's score cannot be accepted (Chinese), or null. */
export function appraisalVoteRefusal(score: number): string | null {
  return Number.isInteger(score) && score >= 0 && score <= 100 ? null : '评分须为 0 到 100 之间的整数';
}

export interface AppraisalGroupScore {
  group: AppraisalGroup;
  votes: number;
  /** The group's mean score, exact (not rounded). */
  mean: number;
  /** The weight actually applied, in percent after renormalisation (e.g. 75 when residents cast none). */
  weight: number;
}

export interface AppraisalScoreResult {
  /** 0–100 with one decimal, rounded half up (87.25 → 87.3). */
  score: number;
  /** The same score in tenths, an integer (873). */
  tenths: number;
  groups: AppraisalGroupScore[];
}

/**
 * The satisfaction score of one member, or null when nobody voted.
 *
 * Each group's votes are averaged; the group means are combined with the 60/30/10 weights. A group that
 * cast no votes is left out and the weights of the groups that did vote are renormalised to add up to
 * 100 %: residents missing → members 75 %, leaders 25 %; leaders missing → residents 66.7 %, members
 * 33.3 %; only one group voted → its mean is the score. A group is thus never counted as scoring 0 for
 * not having voted, and a handful of votes in one group weighs as much as that group's whole share.
 *
 * Rounding: the exact weighted mean is rounded once, half up, to one decimal (tenths); group means are
 * not rounded before combining. Throws a RangeError on a score outside 0–100 or not an integer (the BFF
 * checks with `appraisalVoteRefusal` first).
 */
export function appraisalScore(votes: readonly AppraisalVote[]): AppraisalScoreResult | null {
  const sums = new Map<AppraisalGroup, { sum: number; count: number }>();
  for (const vote of votes) {
    const refusal = appraisalVoteRefusal(vote.score);
    if (refusal) throw new RangeError(`${refusal}（${vote.score}）`);
    const acc = sums.get(vote.group) ?? { sum: 0, count: 0 };
    acc.sum += vote.score;
    acc.count += 1;
    sums.set(vote.group, acc);
  }
  const order: AppraisalGroup[] = ['resident', 'member', 'leader'];
  const present = order.filter((g) => sums.has(g));
  if (present.length === 0) return null;
  const weightTotal = present.reduce((sum, g) => sum + appraisalWeights[g], 0);
  let weighted = 0;
  const groups = present.map((group) => {
    const { sum, count } = sums.get(group) ?? { sum: 0, count: 1 };
    const mean = sum / count;
    weighted += appraisalWeights[group] * mean;
    return { group, votes: count, mean, weight: (appraisalWeights[group] * 100) / weightTotal };
  });
  // weighted / weightTotal is the score; ×10 for tenths. The tiny epsilon keeps an exact half (x.x5)
  // that floating point renders as x.x4999… rounding up, as the rule says.
  const tenths = Math.floor((weighted * 10) / weightTotal + 0.5 + 1e-9);
  return { score: tenths / 10, tenths, groups };
}
