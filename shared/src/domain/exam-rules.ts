/**
 * Exams (在线考试) as pure rules: grading of every question type, per-attempt shuffling from a seed, the
 * random draw of a paper, and the server-side clock of an attempt. The BFF holds the answer key and the
 * clock; the client only ever sees shuffled questions without keys and the remaining seconds.
 *
 * Scores are whole points. Instants are epoch milliseconds of the server's clock.
 */

export const QuestionType = {
  Single: 'single',
  Multiple: 'multiple',
  TrueFalse: 'true_false',
  Fill: 'fill',
} as const;
export type QuestionType = (typeof QuestionType)[keyof typeof QuestionType];

export const questionTypeLabels: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题',
  true_false: '判断题',
  fill: '填空题',
};

/**
 * The answer key of one question.
 * - single: the id of the right option.
 * - multiple: the ids of the right options. All-or-nothing by default: exactly the right set earns the
 *   points, anything else 0. With `partialCredit` (少选得分, 错选不得分): choosing any wrong option earns
 *   0; choosing only right options earns floor(points × chosen right ÷ all right); all of them, the points.
 * - true_false: true or false.
 * - fill: one list of accepted answers per blank, compared after `normaliseAnswer`. All blanks must be
 *   right unless `partialCredit`: then floor(points × right blanks ÷ blanks).
 */
export type AnswerKey =
  | { type: 'single'; option: string }
  | { type: 'multiple'; options: readonly string[]; partialCredit?: boolean }
  | { type: 'true_false'; value: boolean }
  | { type: 'fill'; blanks: readonly (readonly string[])[]; partialCredit?: boolean };

/** A member's answer; `null` when the question was left unanswered. */
export type ExamResponse =
  | { type: 'single'; option: string }
  | { type: 'multiple'; options: readonly string[] }
  | { type: 'true_false'; value: boolean }
  | { type: 'fill'; blanks: readonly string[] };

export interface GradedAnswer {
  score: number;
  /** Earned every point of the question. */
  correct: boolean;
}

/**
 * Fill-in answers as compared: full-width ASCII (Ａ, １, ，) to half-width, the ideographic space to a
 * space, trimmed, runs of white space to one space, lower case. Chinese characters are left alone.
 */
export function normaliseAnswer(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Points earned by `response` to a question worth `points` with answer `key`. A response of another type earns 0. */
export function gradeAnswer(key: AnswerKey, response: ExamResponse | null, points: number): GradedAnswer {
  const wrong: GradedAnswer = { score: 0, correct: false };
  if (response === null || response.type !== key.type) return wrong;
  const share = (right: number, of: number, partial: boolean | undefined): GradedAnswer => {
    if (right === of) return { score: points, correct: true };
    return partial ? { score: Math.floor((points * right) / of), correct: false } : wrong;
  };
  switch (key.type) {
    case 'single':
      return response.type === 'single' && response.option === key.option ? { score: points, correct: true } : wrong;
    case 'true_false':
      return response.type === 'true_false' && response.value === key.value ? { score: points, correct: true } : wrong;
    case 'multiple': {
      if (response.type !== 'multiple') return wrong;
      const right = new Set(key.options);
      const chosen = new Set(response.options);
      for (const option of chosen) if (!right.has(option)) return wrong;
      return share(chosen.size, right.size, key.partialCredit);
    }
    case 'fill': {
      if (response.type !== 'fill') return wrong;
      let right = 0;
      key.blanks.forEach((accepted, i) => {
        const given = response.blanks[i];
        if (given === undefined) return;
        const answer = normaliseAnswer(given);
        if (answer !== '' && accepted.some((a) => normaliseAnswer(a) === answer)) right += 1;
      });
      return share(right, key.blanks.length, key.partialCredit);
    }
  }
}

/** A question of a paper as the grader sees it. */
export interface PaperQuestion {
  id: string;
  points: number;
  key: AnswerKey;
}

/** Grades a whole paper: total and per question. Unanswered questions (missing in `responses`) earn 0. */
export function gradePaper(
  questions: readonly PaperQuestion[],
  responses: Readonly<Record<string, ExamResponse | null | undefined>>,
): { total: number; maxTotal: number; answers: ({ questionId: string } & GradedAnswer)[] } {
  const answers = questions.map((q) => ({
    questionId: q.id,
    ...gradeAnswer(q.key, responses[q.id] ?? null, q.points),
  }));
  return {
    total: answers.reduce((sum, a) => sum + a.score, 0),
    maxTotal: questions.reduce((sum, q) => sum + q.points, 0),
    answers,
  };
}

/** Passed when the score reaches the pass mark (points, inclusive). */
export function isPassed(score: number, passMark: number): boolean {
  return score >= passMark;
}

// --- Seeded shuffling -------------------------------------------------------------------------------

/** cyrb128: four 32-bit words from a string, to seed sfc32. */
function seedWords(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (128-bit state): a generator of unsigned 32-bit integers. */
function sfc32(seed: string): () => number {
  let [a, b, c, d] = seedWords(seed);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next(); // let the state mix before the first draw
  return next;
}

/** An unbiased integer in [0, bound) by rejection sampling (bound ≤ 2^32). */
function below(next: () => number, bound: number): number {
  const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
  for (;;) {
    const x = next();
    if (x < limit) return x % bound;
  }
}

/**
 * A copy of `items` in an order fixed by `seed` (the attempt's seed, plus the question id for option
 * order): the same seed always gives the same order, so a resumed attempt shows what it showed. Fisher–
 * Yates over sfc32 with unbiased draws: every permutation has a non-zero chance. (The generator has 128
 * bits of state, so for more than 34 items not every permutation is reachable from some seed; the draw
 * of each position stays uniform.)
 */
export function shuffleForAttempt<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const next = sfc32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = below(next, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Option order of one question in one attempt: differs from question to question within the attempt. */
export function shuffleOptions<T>(optionIds: readonly T[], attemptSeed: string, questionId: string): T[] {
  return shuffleForAttempt(optionIds, `${attemptSeed}/${questionId}`);
}

// --- Random papers ----------------------------------------------------------------------------------

export interface BankQuestion {
  id: string;
  category: string;
}

export interface DrawSpec {
  category: string;
  count: number;
}

export type DrawResult = { ok: true; questionIds: string[] } | { ok: false; reason: string };

/**
 * Draws a random paper: `count` distinct questions of each category, in the order of `spec`, chosen by
 * `seed`. Refuses (with a Chinese reason) when a category has too few questions, a count is not a
 * positive integer, or a category is asked for twice.
 */
export function drawPaper(bank: readonly BankQuestion[], spec: readonly DrawSpec[], seed: string): DrawResult {
  if (spec.length === 0) return { ok: false, reason: '试卷至少需要一个题目分类' };
  const seen = new Set<string>();
  const questionIds: string[] = [];
  for (const { category, count } of spec) {
    if (seen.has(category)) return { ok: false, reason: `分类「${category}」重复` };
    seen.add(category);
    if (!Number.isInteger(count) || count < 1) return { ok: false, reason: `分类「${category}」的题数须为正整数` };
    const pool = bank.filter((q) => q.category === category).map((q) => q.id);
    if (pool.length < count) {
      return { ok: false, reason: `分类「${category}」只有 ${pool.length} 道题，试卷需要 ${count} 道` };
    }
    // Sort first so the draw depends on the seed, not on the order the bank was read in.
    pool.sort();
    questionIds.push(...shuffleForAttempt(pool, `${seed}/${category}`).slice(0, count));
  }
  return { ok: true, questionIds };
}

// --- Attempts and the clock -------------------------------------------------------------------------

export interface ExamAttemptClock {
  /** Server time the attempt was started. */
  startedAt: number;
  timeLimitSeconds: number;
  /** The exam's closing time, if any: an attempt never runs past it. */
  examClosesAt?: number | null;
  /** Server time of the accepted submission, if any. */
  submittedAt?: number | null;
}

/** The instant an attempt's time runs out: start + limit, or the exam's close if earlier. */
export function attemptDeadline(attempt: ExamAttemptClock): number {
  const byLimit = attempt.startedAt + attempt.timeLimitSeconds * 1000;
  return attempt.examClosesAt == null ? byLimit : Math.min(byLimit, attempt.examClosesAt);
}

/**
 * Whole seconds left at server time `now` (rounded down, never negative). The clock runs on the server
 * from `startedAt`: a member who loses the connection and resumes gets what is left of the same time,
 * not a fresh limit and not a paused clock; the client's own clock plays no part.
 */
export function remainingSeconds(attempt: ExamAttemptClock, now: number): number {
  return Math.max(0, Math.floor((attemptDeadline(attempt) - now) / 1000));
}

/**
 * Whether a submission arriving at server time `now` is accepted: refused when the attempt was already
 * submitted or `now` is after the deadline plus `graceSeconds` (the grace covers the network, it is
 * never shown to the member).
 */
export function acceptSubmission(
  attempt: ExamAttemptClock,
  now: number,
  graceSeconds: number,
): { ok: true } | { ok: false; reason: string } {
  if (attempt.submittedAt != null) return { ok: false, reason: '本次考试已交卷，不能再次提交' };
  if (now > attemptDeadline(attempt) + graceSeconds * 1000) {
    return { ok: false, reason: '考试时间已到，超时提交的答卷不予接收' };
  }
  return { ok: true };
}

export interface ExamWindow {
  opensAt: number;
  closesAt: number | null;
  /** Attempts a member may make; null: unlimited. */
  attemptsAllowed: number | null;
}

export type AttemptDecision =
  { kind: 'resume'; attemptIndex: number } | { kind: 'new' } | { kind: 'refused'; reason: string };

/**
 * What happens when a member opens an exam at `now`, given their earlier attempts (in any order):
 * an attempt still running (not submitted, time left) is resumed; otherwise a new attempt may start if
 * the exam is open and attempts are left. An attempt whose time ran out without a submission counts as
 * used. Passing does not forbid further attempts; the BFF keeps the best score.
 */
export function startAttemptDecision(
  exam: ExamWindow,
  attempts: readonly ExamAttemptClock[],
  now: number,
): AttemptDecision {
  const running = attempts.findIndex((a) => a.submittedAt == null && remainingSeconds(a, now) > 0);
  if (running >= 0) return { kind: 'resume', attemptIndex: running };
  if (now < exam.opensAt) return { kind: 'refused', reason: '考试尚未开始' };
  if (exam.closesAt !== null && now >= exam.closesAt) return { kind: 'refused', reason: '考试已结束' };
  if (exam.attemptsAllowed !== null && attempts.length >= exam.attemptsAllowed) {
    return { kind: 'refused', reason: `考试次数已用完（共 ${exam.attemptsAllowed} 次）` };
  }
  return { kind: 'new' };
}
