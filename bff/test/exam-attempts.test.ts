import type { AttemptPaperVO, AttemptResultVO, BankQuestionVO, ExamVO, MyExamVO } from '@zhili/shared';
import { DomainEvents } from '../src/core/events';
import { OutboxMessage } from '../src/core/outbox/outbox-message.entity';
import { ExamClock, ExamPassedEvent } from '../src/modules/exam';
import { currentBackend } from './support/backends';
import { examWorld, singleQuestion, type ExamWorld, type Who } from './support/exam-fixtures';
import { dataSourceOf } from './support/staff-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();
const MIN = 60_000;

/** Every key named like a key or a right flag anywhere in a JSON value. */
function leakedKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leakedKeys(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [
      ...(/^(correct|answer|answers|key|truth|blanks|explanation)$/i.test(k) ? [`${path}.${k}`] : []),
      ...leakedKeys(v, `${path}.${k}`),
    ]);
  return [];
}

/**
 * Exams through the API: grading of each type, no key before submission, the server clock (resume,
 * late submission, expiry), attempts limit, per-attempt shuffles, the pass event, party scope.
 */
describe(`exam attempts on ${backend.name}`, () => {
  let t: TestApp;
  let w: ExamWorld;
  let clock: ExamClock;
  let now = Date.now();
  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object = {}) =>
    t.http().post(path).set('Authorization', who.auth).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('Authorization', who.auth).send(body);
  const ok = <T>(res: { status: number; body: { data: T } }, status = 200): T => {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  };
  const question = async (who: Who, body: object) =>
    ok<BankQuestionVO>(await post(who, '/api/admin/exam/questions', body), 201);
  const exam = async (who: Who, body: object) => {
    const created = ok<ExamVO>(
      await post(who, '/api/admin/exam/exams', {
        title: '党章知识测试',
        paperKind: 'fixed',
        pointsEach: 10,
        passMark: 30,
        timeLimitMinutes: 20,
        attemptsAllowed: null,
        opensAt: new Date(now - MIN).toISOString(),
        closesAt: null,
        audienceKind: 'all',
        orgId: w.committee.id,
        ...body,
      }),
      201,
    );
    return ok<ExamVO>(await post(who, `/api/admin/exam/exams/${created.id}/publish`));
  };
  const start = async (who: Who, examId: string) =>
    ok<AttemptPaperVO>(await post(who, `/api/mp/exams/${examId}/attempts`));
  const save = (who: Who, attemptId: string, questionId: string, response: object | null) =>
    put(who, `/api/mp/exams/attempts/${attemptId}/answers`, { questionId, response });
  const rightAnswer = (q: BankQuestionVO) => {
    const k = q.key;
    if (k.type === 'single') return { type: 'single', option: k.option };
    if (k.type === 'multiple') return { type: 'multiple', options: k.options };
    if (k.type === 'true_false') return { type: 'true_false', value: k.value };
    return { type: 'fill', blanks: k.blanks.map((b) => b[0]) };
  };

  let fixedQs: BankQuestionVO[];

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    w = await examWorld(t, 'at');
    clock = await t.get(ExamClock);
    clock.now = () => now;
    const events = await t.get(DomainEvents);
    events.subscribe(ExamPassedEvent, { name: 'test.exam_passed', handle: async () => undefined });
    const c = w.committee.id;
    fixedQs = [
      await question(w.admin, singleQuestion(c, '党章', '党的最高领导机关是')),
      await question(w.admin, {
        orgId: c,
        category: '党章',
        difficulty: 'medium',
        type: 'multiple',
        stem: '党员的权利包括',
        options: [
          { text: '参加党的有关会议', correct: true },
          { text: '行使表决权、选举权', correct: true },
          { text: '担任任何职务', correct: false },
        ],
      }),
      await question(w.admin, {
        orgId: c,
        category: '党史',
        difficulty: 'easy',
        type: 'true_false',
        stem: '中国共产党成立于1921年',
        truth: true,
      }),
      await question(w.admin, {
        orgId: c,
        category: '党史',
        difficulty: 'hard',
        type: 'fill',
        stem: '党的一大在____召开，后转移到嘉兴____',
        blanks: [['上海'], ['南湖', '嘉兴南湖']],
        explanation: '1921年7月',
      }),
    ];
    // Starting an app takes long on a loaded CI machine.
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a single-choice question with two right options, naming the field', async () => {
    const body = singleQuestion(w.branchA.id, '党章', '坏题');
    body.options[0].correct = true;
    const res = await post(w.secretaryA, '/api/admin/exam/questions', body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('单选题须有且只有 1 个正确选项');
  });

  it("shares the town's bank read-only with a branch, and keeps a branch's questions from another", async () => {
    const own = await question(w.secretaryA, singleQuestion(w.branchA.id, '支部', '本支部的题'));
    expect(own.editable).toBe(true);
    const town = ok<BankQuestionVO>(await get(w.secretaryA, `/api/admin/exam/questions/${fixedQs[0].id}`));
    expect(town.editable).toBe(false);
    expect(
      (await put(w.secretaryA, `/api/admin/exam/questions/${fixedQs[0].id}`, singleQuestion(w.branchA.id, '党章', 'x')))
        .status,
    ).toBe(403);
    expect((await get(w.secretaryB, `/api/admin/exam/questions/${own.id}`)).status).toBe(404);
    const listB = ok<BankQuestionVO[]>(await get(w.secretaryB, '/api/admin/exam/questions?pageSize=100'));
    expect(listB.map((q) => q.id)).not.toContain(own.id);
    expect(listB.map((q) => q.id)).toEqual(expect.arrayContaining(fixedQs.map((q) => q.id)));
  });

  it('grades every type through the API and sends no key before submission', async () => {
    const e = await exam(w.admin, { questionIds: fixedQs.map((q) => q.id) });
    const paper = await start(w.memberA, e.id);
    expect(leakedKeys(paper)).toEqual([]);
    expect(leakedKeys(ok<MyExamVO[]>(await get(w.memberA, '/api/mp/exams')))).toEqual([]);
    expect(paper.questions).toHaveLength(4);
    expect(paper.remainingSeconds).toBe(20 * 60);
    const [single, multiple, tf, fill] = fixedQs;
    // single right, multiple partly (all-or-nothing: 0), true_false right, fill right with full-width spaces.
    for (const [q, r] of [
      [single, rightAnswer(single)],
      [multiple, { type: 'multiple', options: ['A'] }],
      [tf, { type: 'true_false', value: true }],
      [fill, { type: 'fill', blanks: ['　上海 ', '嘉兴南湖'] }],
    ] as const) {
      const res = await save(w.memberA, paper.attemptId, q.id, r);
      expect(res.status).toBe(200);
      expect(leakedKeys(res.body)).toEqual([]);
    }
    expect((await save(w.memberA, paper.attemptId, single.id, { type: 'multiple', options: ['A'] })).status).toBe(400);
    expect((await get(w.memberA, `/api/mp/exams/attempts/${paper.attemptId}`)).status).toBe(409);
    const result = ok<AttemptResultVO>(await post(w.memberA, `/api/mp/exams/attempts/${paper.attemptId}/submit`));
    expect(result).toMatchObject({ score: 30, maxScore: 40, passed: true, endedBy: 'submitted' });
    const byId = new Map(result.questions.map((q) => [q.id, q]));
    expect(byId.get(single.id)).toMatchObject({ correct: true, score: 10 });
    expect(byId.get(multiple.id)).toMatchObject({
      correct: false,
      score: 0,
      key: { type: 'multiple', options: ['A', 'B'] },
    });
    expect(byId.get(tf.id)).toMatchObject({ correct: true });
    expect(byId.get(fill.id)).toMatchObject({ correct: true, explanation: '1921年7月' });
    // Submitted once only; the pass was announced in the same transaction.
    expect((await post(w.memberA, `/api/mp/exams/attempts/${paper.attemptId}/submit`)).status).toBe(409);
    const ds = await dataSourceOf(t);
    const rows = await ds.getRepository(OutboxMessage).find({ where: { topic: 'test.exam_passed' } });
    expect(rows.map((r) => JSON.parse(r.payload as unknown as string).attemptId ?? r)).toHaveLength(1);
    // The wrong answer went into the book.
    const book = ok<{ question: { id: string } }[]>(await get(w.memberA, '/api/mp/exams/practice/wrong-book'));
    expect(book.map((b) => b.question.id)).toEqual([multiple.id]);
  });

  it('resumes the same attempt with the time left on the server clock, and refuses a late submission', async () => {
    const e = await exam(w.admin, { questionIds: [fixedQs[0].id, fixedQs[2].id], timeLimitMinutes: 10, passMark: 10 });
    const first = await start(w.memberA2, e.id);
    await save(w.memberA2, first.attemptId, fixedQs[0].id, rightAnswer(fixedQs[0])).expect(200);
    now += 4 * MIN; // the connection dropped for four minutes
    const resumed = await start(w.memberA2, e.id);
    expect(resumed.attemptId).toBe(first.attemptId);
    expect(resumed.remainingSeconds).toBe(6 * 60);
    expect(resumed.responses[fixedQs[0].id]).toEqual(rightAnswer(fixedQs[0]));
    expect(resumed.questions.map((q) => q.id)).toEqual(first.questions.map((q) => q.id));
    now += 6 * MIN + 31_000; // past the deadline and the grace
    expect((await save(w.memberA2, first.attemptId, fixedQs[2].id, { type: 'true_false', value: true })).status).toBe(
      409,
    );
    const late = await post(w.memberA2, `/api/mp/exams/attempts/${first.attemptId}/submit`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('考试时间已到');
    // What was saved is graded as the time ran out.
    const result = ok<AttemptResultVO>(await get(w.memberA2, `/api/mp/exams/attempts/${first.attemptId}`));
    expect(result).toMatchObject({ endedBy: 'expired', score: 10, timeUsedSeconds: 600 });
  });

  it('keeps to the attempts allowed', async () => {
    const e = await exam(w.admin, { questionIds: [fixedQs[2].id], attemptsAllowed: 1, passMark: 10 });
    const paper = await start(w.memberA, e.id);
    ok(await post(w.memberA, `/api/mp/exams/attempts/${paper.attemptId}/submit`));
    const again = await post(w.memberA, `/api/mp/exams/${e.id}/attempts`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('考试次数已用完');
    const mine = ok<MyExamVO>(await get(w.memberA, `/api/mp/exams/${e.id}`));
    expect(mine).toMatchObject({ attemptsUsed: 1, canStart: false, bestScore: 0 });
  });

  it('shuffles questions and options per attempt and still grades right answers as right', async () => {
    const many: BankQuestionVO[] = [];
    for (let i = 0; i < 8; i++)
      many.push(await question(w.admin, singleQuestion(w.committee.id, '乱序', `第${i}题`, i % 4)));
    const e = await exam(w.admin, { questionIds: many.map((q) => q.id), pointsEach: 5, passMark: 40 });
    const orders: string[] = [];
    for (let round = 0; round < 2; round++) {
      const paper = await start(w.memberA2, e.id);
      orders.push(paper.questions.map((q) => `${q.id}:${q.options.map((o) => o.id).join('')}`).join('|'));
      for (const q of many) await save(w.memberA2, paper.attemptId, q.id, rightAnswer(q)).expect(200);
      const result = ok<AttemptResultVO>(await post(w.memberA2, `/api/mp/exams/attempts/${paper.attemptId}/submit`));
      expect(result).toMatchObject({ score: 40, passed: true });
    }
    expect(orders[0]).not.toBe(orders[1]);
  });

  it('draws a paper per attempt from the categories', async () => {
    const e = await exam(w.admin, { paperKind: 'drawn', sections: [{ category: '乱序', count: 3 }], passMark: 10 });
    const paper = await start(w.memberB, e.id);
    expect(paper.questions).toHaveLength(3);
    expect(new Set(paper.questions.map((q) => q.category))).toEqual(new Set(['乱序']));
    const short = await post(w.admin, '/api/admin/exam/exams', {
      title: '题不够',
      paperKind: 'drawn',
      sections: [{ category: '党史', count: 9 }],
      pointsEach: 10,
      passMark: 10,
      timeLimitMinutes: 10,
      attemptsAllowed: null,
      opensAt: new Date(now).toISOString(),
      closesAt: null,
      audienceKind: 'all',
      orgId: w.committee.id,
    });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('分类「党史」只有 2 道题');
  });

  it("hides a branch's exam from other branches' members and its results from their secretary", async () => {
    const own = await question(w.secretaryA, singleQuestion(w.branchA.id, '支部', '支部考试题'));
    const e = await exam(w.secretaryA, { orgId: w.branchA.id, questionIds: [own.id], passMark: 10 });
    expect((await post(w.memberB, `/api/mp/exams/${e.id}/attempts`)).status).toBe(404);
    expect((await get(w.memberB, `/api/mp/exams/${e.id}`)).status).toBe(404);
    expect(ok<MyExamVO[]>(await get(w.memberB, '/api/mp/exams')).map((x) => x.id)).not.toContain(e.id);
    expect((await get(w.resident, '/api/mp/exams')).status).toBe(403);
    const paper = await start(w.memberA, e.id);
    ok(await post(w.memberA, `/api/mp/exams/attempts/${paper.attemptId}/submit`));
    expect((await get(w.secretaryB, `/api/admin/exam/exams/${e.id}/results`)).status).toBe(404);
    expect((await get(w.secretaryB, `/api/admin/exam/exams/${e.id}/analysis`)).status).toBe(404);
    expect(ok<unknown[]>(await get(w.secretaryA, `/api/admin/exam/exams/${e.id}/results`))).toHaveLength(1);
  });

  it("shows a secretary a town exam's results of their own members only, with the analysis and xlsx", async () => {
    const e = await exam(w.admin, { questionIds: [fixedQs[0].id, fixedQs[1].id], passMark: 10 });
    for (const m of [w.memberA, w.memberB]) {
      const paper = await start(m, e.id);
      await save(m, paper.attemptId, fixedQs[0].id, rightAnswer(fixedQs[0])).expect(200);
      await save(m, paper.attemptId, fixedQs[1].id, { type: 'multiple', options: ['C'] }).expect(200);
      ok(await post(m, `/api/mp/exams/attempts/${paper.attemptId}/submit`));
    }
    const mineA = ok<{ memberName: string; bestScore: number }[]>(
      await get(w.secretaryA, `/api/admin/exam/exams/${e.id}/results`),
    );
    expect(mineA.map((r) => r.memberName)).toEqual(['李四']);
    const all = ok<{ memberName: string }[]>(await get(w.admin, `/api/admin/exam/exams/${e.id}/results`));
    expect(all.map((r) => r.memberName).sort()).toEqual(['孙一', '李四']);
    const analysis = ok<{
      members: number;
      distribution: { count: number }[];
      items: { questionId: string; rightPermille: number; mostChosenWrong: { optionId: string } | null }[];
    }>(await get(w.admin, `/api/admin/exam/exams/${e.id}/analysis`));
    expect(analysis.members).toBe(2);
    expect(analysis.distribution.reduce((s, b) => s + b.count, 0)).toBe(2);
    const item = analysis.items.find((i) => i.questionId === fixedQs[1].id);
    expect(item).toMatchObject({ rightPermille: 0, mostChosenWrong: { optionId: 'C' } });
    const xlsx = await get(w.secretaryA, `/api/admin/exam/exams/${e.id}/results.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // A town exam is read-only for the branch.
    expect((await post(w.secretaryA, `/api/admin/exam/exams/${e.id}/publish`)).status).toBe(403);
  });

  it('practice sends the key only with the feedback, and the book lets a question go after two right answers', async () => {
    const qs = ok<{ id: string }[]>(
      await get(w.memberB, `/api/mp/exams/practice/questions?category=${encodeURIComponent('党史')}&count=5`),
    );
    expect(qs.length).toBe(2);
    expect(leakedKeys(qs)).toEqual([]);
    const tf = fixedQs[2];
    const wrong = ok<{ correct: boolean; inWrongBook: boolean; key: unknown }>(
      await post(w.memberB, '/api/mp/exams/practice/answers', {
        questionId: tf.id,
        response: { type: 'true_false', value: false },
      }),
    );
    expect(wrong).toMatchObject({ correct: false, inWrongBook: true, key: { type: 'true_false', value: true } });
    const fromBook = ok<{ id: string }[]>(await get(w.memberB, '/api/mp/exams/practice/questions?from=wrong'));
    expect(fromBook.map((q) => q.id)).toContain(tf.id);
    const right = () =>
      post(w.memberB, '/api/mp/exams/practice/answers', {
        questionId: tf.id,
        response: { type: 'true_false', value: true },
      });
    expect(ok<{ inWrongBook: boolean }>(await right()).inWrongBook).toBe(true);
    expect(ok<{ inWrongBook: boolean }>(await right()).inWrongBook).toBe(false);
    const book = ok<{ question: { id: string } }[]>(await get(w.memberB, '/api/mp/exams/practice/wrong-book'));
    expect(book.map((b) => b.question.id)).not.toContain(tf.id);
  });
});
