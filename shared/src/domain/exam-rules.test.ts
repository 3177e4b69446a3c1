import {
  acceptSubmission,
  drawPaper,
  gradeAnswer,
  gradePaper,
  isPassed,
  normaliseAnswer,
  remainingSeconds,
  shuffleForAttempt,
  shuffleOptions,
  startAttemptDecision,
  type AnswerKey,
  type ExamAttemptClock,
  type ExamResponse,
} from './exam-rules';

describe('normalising fill-in answers', () => {
  it.each([
    ['  中国共产党  ', '中国共产党'],
    ['ＣＰＣ', 'cpc'],
    ['１９２１', '1921'],
    ['Ｍａｒｘ\u3000ｉｓｍ', 'marx ism'],
    ['a   b\tc', 'a b c'],
    ['为人民服务！', '为人民服务!'],
  ])('%j → %j', (input, output) => {
    expect(normaliseAnswer(input)).toBe(output);
  });
});

describe('grading each question type', () => {
  const single: AnswerKey = { type: 'single', option: 'B' };
  const tf: AnswerKey = { type: 'true_false', value: false };
  const multi: AnswerKey = { type: 'multiple', options: ['A', 'C', 'D'] };
  const multiPartial: AnswerKey = { type: 'multiple', options: ['A', 'C', 'D'], partialCredit: true };
  const blanks = [
    ['1921', '一九二一'],
    ['上海', '上海市'],
  ];
  const fill: AnswerKey = { type: 'fill', blanks };
  const fillPartial: AnswerKey = { type: 'fill', blanks, partialCredit: true };
  const m = (...options: string[]): ExamResponse => ({ type: 'multiple', options });
  const f = (...blanks: string[]): ExamResponse => ({ type: 'fill', blanks });

  it.each<[string, AnswerKey, ExamResponse | null, number, boolean]>([
    ['single right', single, { type: 'single', option: 'B' }, 4, true],
    ['single wrong', single, { type: 'single', option: 'A' }, 0, false],
    ['single unanswered', single, null, 0, false],
    ['true/false right', tf, { type: 'true_false', value: false }, 4, true],
    ['true/false wrong', tf, { type: 'true_false', value: true }, 0, false],
    ['response of another type', tf, { type: 'single', option: 'false' }, 0, false],
    ['multiple exact set, any order', multi, m('D', 'A', 'C'), 4, true],
    ['multiple, repeated option does not matter', multi, m('A', 'C', 'D', 'A'), 4, true],
    ['multiple missing one, all-or-nothing', multi, m('A', 'C'), 0, false],
    ['multiple with a wrong one', multi, m('A', 'B', 'C', 'D'), 0, false],
    ['multiple empty', multi, m(), 0, false],
    ['partial: two of three right', multiPartial, m('A', 'C'), 2, false], // floor(4 × 2 / 3) = 2
    ['partial: one of three right', multiPartial, m('D'), 1, false], // floor(4 / 3) = 1
    ['partial: all right', multiPartial, m('A', 'C', 'D'), 4, true],
    ['partial: a wrong option earns 0', multiPartial, m('A', 'C', 'B'), 0, false],
    ['partial: nothing chosen earns 0', multiPartial, m(), 0, false],
    ['fill exact', fill, f('1921', '上海'), 4, true],
    ['fill accepted alternative, full-width and spaces', fill, f(' １９２１ ', '上海市'), 4, true],
    ['fill alternative of another blank does not count', fill, f('上海', '1921'), 0, false],
    ['fill one blank wrong, all-or-nothing', fill, f('1921', '北京'), 0, false],
    ['fill partial: one of two blanks', fillPartial, f('1921', '北京'), 2, false],
    ['fill missing blank', fillPartial, f('1921'), 2, false],
    ['fill blank left empty never matches', { type: 'fill', blanks: [['']] }, f('  '), 0, false],
  ])('%s', (_, key, response, score, correct) => {
    expect(gradeAnswer(key, response, 4)).toEqual({ score, correct });
  });

  it('fill answers are case-insensitive', () => {
    expect(gradeAnswer({ type: 'fill', blanks: [['WTO']] }, f('wto'), 2)).toEqual({ score: 2, correct: true });
  });

  it('grades a paper with unanswered questions', () => {
    const result = gradePaper(
      [
        { id: 'q1', points: 2, key: single },
        { id: 'q2', points: 3, key: multi },
        { id: 'q3', points: 5, key: fill },
      ],
      { q1: { type: 'single', option: 'B' }, q3: f('1921', '上海') },
    );
    expect(result.total).toBe(7);
    expect(result.maxTotal).toBe(10);
    expect(result.answers.map((a) => a.correct)).toEqual([true, false, true]);
  });

  it.each([
    [60, 60, true],
    [59, 60, false],
    [100, 60, true],
  ])('score %i with pass mark %i passes: %s', (score, mark, passed) => {
    expect(isPassed(score, mark)).toBe(passed);
  });
});

describe('shuffling per attempt', () => {
  const ids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'];

  it('is deterministic for a seed and keeps every item', () => {
    const a = shuffleForAttempt(ids, 'attempt-42');
    expect(shuffleForAttempt(ids, 'attempt-42')).toEqual(a);
    expect([...a].sort()).toEqual(ids);
    expect(ids).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']); // input untouched
  });

  it('differs between seeds', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => shuffleForAttempt(ids, `s${i}`).join()));
    expect(orders.size).toBeGreaterThan(15);
  });

  it('reaches every permutation of four items, about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 24_000; i++) {
      const key = shuffleForAttempt(['a', 'b', 'c', 'd'], `seed-${i}`).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    for (const n of counts.values()) expect(n).toBeGreaterThan(800); // expected 1000 each
    for (const n of counts.values()) expect(n).toBeLessThan(1200);
  });

  it('puts each item at each position about equally often', () => {
    const first = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const head = shuffleForAttempt(['a', 'b', 'c', 'd', 'e'], `p${i}`)[0];
      first.set(head, (first.get(head) ?? 0) + 1);
    }
    expect(first.size).toBe(5);
    for (const n of first.values()) expect(Math.abs(n - 2000)).toBeLessThan(200);
  });

  it('handles empty and single lists', () => {
    expect(shuffleForAttempt([], 'x')).toEqual([]);
    expect(shuffleForAttempt(['only'], 'x')).toEqual(['only']);
  });

  it('orders options differently per question within one attempt, stably', () => {
    const opts = ['A', 'B', 'C', 'D'];
    expect(shuffleOptions(opts, 'att', 'q1')).toEqual(shuffleOptions(opts, 'att', 'q1'));
    const perQuestion = new Set(Array.from({ length: 12 }, (_, i) => shuffleOptions(opts, 'att', `q${i}`).join('')));
    expect(perQuestion.size).toBeGreaterThan(1);
  });
});

describe('drawing a random paper', () => {
  const bank = [
    ...['h1', 'h2', 'h3', 'h4', 'h5'].map((id) => ({ id, category: '党史' })),
    ...['r1', 'r2', 'r3'].map((id) => ({ id, category: '党章' })),
  ];

  it('draws distinct questions per category in spec order, deterministic per seed and bank order', () => {
    const spec = [
      { category: '党史', count: 3 },
      { category: '党章', count: 2 },
    ];
    const drawn = drawPaper(bank, spec, 'exam-1/member-7');
    if (!drawn.ok) throw new Error(drawn.reason);
    expect(drawn.questionIds).toHaveLength(5);
    expect(new Set(drawn.questionIds).size).toBe(5);
    expect(drawn.questionIds.slice(0, 3).every((id) => id.startsWith('h'))).toBe(true);
    expect(drawn.questionIds.slice(3).every((id) => id.startsWith('r'))).toBe(true);
    expect(drawPaper([...bank].reverse(), spec, 'exam-1/member-7')).toEqual(drawn);
  });

  it('different seeds draw different papers', () => {
    const papers = new Set(
      Array.from({ length: 30 }, (_, i) => {
        const d = drawPaper(bank, [{ category: '党史', count: 2 }], `s${i}`);
        return d.ok ? [...d.questionIds].sort().join() : d.reason;
      }),
    );
    expect(papers.size).toBe(10); // every 2-of-5 subset appears
  });

  it.each([
    [[{ category: '党章', count: 4 }], '分类「党章」只有 3 道题，试卷需要 4 道'],
    [[{ category: '理论', count: 1 }], '分类「理论」只有 0 道题，试卷需要 1 道'],
    [[{ category: '党史', count: 0 }], '分类「党史」的题数须为正整数'],
    [[{ category: '党史', count: 1.5 }], '分类「党史」的题数须为正整数'],
    [
      [
        { category: '党史', count: 1 },
        { category: '党史', count: 1 },
      ],
      '分类「党史」重复',
    ],
    [[], '试卷至少需要一个题目分类'],
  ])('refuses %j', (spec, reason) => {
    expect(drawPaper(bank, spec, 'x')).toEqual({ ok: false, reason });
  });
});

describe('the clock of an attempt', () => {
  const start = Date.parse('2026-03-10T02:00:00Z');
  const attempt: ExamAttemptClock = { startedAt: start, timeLimitSeconds: 30 * 60 };
  const s = (seconds: number) => start + seconds * 1000;

  it.each([
    [0, 1800],
    [0.4, 1799], // rounds down: never shows more than is left
    [600, 1200],
    [1799.9, 0],
    [1800, 0],
    [5000, 0],
  ])('at +%ss, %i seconds remain', (elapsed, left) => {
    expect(remainingSeconds(attempt, s(elapsed))).toBe(left);
  });

  it('a resumed attempt keeps counting server time through the disconnection', () => {
    // Disconnected at +5 min with 25 min left, back at +15 min: 15 min left, not 25 and not 30.
    expect(remainingSeconds(attempt, s(300))).toBe(1500);
    expect(remainingSeconds(attempt, s(900))).toBe(900);
  });

  it('the exam closing earlier cuts the attempt short', () => {
    expect(remainingSeconds({ ...attempt, examClosesAt: s(600) }, s(0))).toBe(600);
    expect(remainingSeconds({ ...attempt, examClosesAt: s(6000) }, s(0))).toBe(1800);
  });

  it.each([
    [1799, 0, true],
    [1800, 0, true],
    [1801, 0, false],
    [1809, 10, true],
    [1810, 10, true],
    [1810.001, 10, false],
  ])('submission at +%ss with %is grace accepted: %s', (elapsed, grace, ok) => {
    expect(acceptSubmission(attempt, s(elapsed), grace).ok).toBe(ok);
  });

  it('refuses late and repeated submissions with reasons', () => {
    expect(acceptSubmission(attempt, s(2000), 10)).toEqual({
      ok: false,
      reason: '考试时间已到，超时提交的答卷不予接收',
    });
    expect(acceptSubmission({ ...attempt, submittedAt: s(100) }, s(200), 10)).toEqual({
      ok: false,
      reason: '本次考试已交卷，不能再次提交',
    });
  });
});

describe('starting or resuming an attempt', () => {
  const opensAt = Date.parse('2026-03-01T00:00:00Z');
  const closesAt = Date.parse('2026-03-31T00:00:00Z');
  const exam = { opensAt, closesAt, attemptsAllowed: 2 };
  const now = Date.parse('2026-03-10T02:00:00Z');
  const done: ExamAttemptClock = { startedAt: now - 86_400_000, timeLimitSeconds: 1800, submittedAt: now - 86_000_000 };
  const expired: ExamAttemptClock = { startedAt: now - 3_600_000, timeLimitSeconds: 1800 };
  const running: ExamAttemptClock = { startedAt: now - 60_000, timeLimitSeconds: 1800 };

  it.each<[string, ExamAttemptClock[], number, ReturnType<typeof startAttemptDecision>]>([
    ['first attempt', [], now, { kind: 'new' }],
    ['second attempt after one submitted', [done], now, { kind: 'new' }],
    ['a running attempt is resumed, not restarted', [done, running], now, { kind: 'resume', attemptIndex: 1 }],
    ['attempts used up', [done, done], now, { kind: 'refused', reason: '考试次数已用完（共 2 次）' }],
    [
      'an expired unsubmitted attempt counts as used',
      [done, expired],
      now,
      { kind: 'refused', reason: '考试次数已用完（共 2 次）' },
    ],
    ['before the exam opens', [], opensAt - 1, { kind: 'refused', reason: '考试尚未开始' }],
    ['after it closes', [], closesAt, { kind: 'refused', reason: '考试已结束' }],
  ])('%s', (_, attempts, at, decision) => {
    expect(startAttemptDecision(exam, attempts, at)).toEqual(decision);
  });

  it('unlimited attempts never run out', () => {
    expect(startAttemptDecision({ ...exam, attemptsAllowed: null }, Array(10).fill(done), now)).toEqual({
      kind: 'new',
    });
  });
});
