import type { ExamAnalysisVO, ExamVO, MyExamVO } from '@zhili/shared';
import { ExamAttempt } from '../src/modules/exam/attempts/exam-attempt.entity';
import { ExamQuestion } from '../src/modules/exam/bank/exam-question.entity';
import { ensureDemoStudyExam } from '../src/seed/demo-study-exam';
import { demoQuestions } from '../src/seed/demo-study-exam-questions';
import { currentBackend } from './support/backends';
import { examWorld, type ExamWorld, type Who } from './support/exam-fixtures';
import { registryPerson } from './support/party-fixtures';
import { dataSourceOf } from './support/staff-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();

/**
 * The demo exam seed on a real BFF database: the town's bank of every type, one open drawn exam for
 * all members, finished attempts of members without a demo account; a linked member starts clean.
 */
describe(`demo exams on ${backend.name}`, () => {
  let t: TestApp;
  let w: ExamWorld;
  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    w = await examWorld(t, 'sd');
    for (const name of ['赵一', '钱二', '孙三', '周四', '吴五', '郑六', '冯七']) {
      const p = await registryPerson(t, name, w.villageA);
      const res = await t.http().post('/api/admin/party/members').set('Authorization', w.admin.auth).send({
        personId: p.id,
        orgId: w.branchA.id,
        category: 'full',
        joinedOn: '2001-07-01',
        convertedOn: '2002-07-01',
      });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    }
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('writes the bank, an open exam and six finished attempts once', async () => {
    const ds = await dataSourceOf(t);
    const report = await ensureDemoStudyExam(ds);
    expect(report).toEqual({ created: true, questions: demoQuestions.length, attempts: 6 });
    expect(new Set(demoQuestions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'true_false', 'fill']));
    expect(await ensureDemoStudyExam(ds)).toEqual({ created: false, questions: 0, attempts: 0 });
    // Every finished attempt's paper carries the key of the very question it names (a bulk insert once
    // swapped the questions' ids among the seed's objects).
    const keys = new Map((await ds.getRepository(ExamQuestion).find()).map((q) => [q.id, q.answerKey]));
    for (const attempt of await ds.getRepository(ExamAttempt).find()) {
      for (const entry of attempt.paper) expect(entry.key).toEqual(keys.get(entry.id));
    }

    const exams = (await get(w.admin, '/api/admin/exam/exams')).body.data as ExamVO[];
    expect(exams).toHaveLength(1);
    expect(exams[0]).toMatchObject({
      state: 'open',
      questionCount: 20,
      maxScore: 100,
      passMark: 60,
      timeLimitMinutes: 20,
    });
    const analysis = (await get(w.admin, `/api/admin/exam/exams/${exams[0].id}/analysis`)).body.data as ExamAnalysisVO;
    expect(analysis.members).toBe(6);
    const mine = (await get(w.memberA, '/api/mp/exams')).body.data as MyExamVO[];
    expect(mine).toEqual([expect.objectContaining({ state: 'open', attemptsUsed: 0, canStart: true })]);
    const start = await t.http().post(`/api/mp/exams/${exams[0].id}/attempts`).set('Authorization', w.memberA.auth);
    expect(start.status).toBe(200);
    expect(start.body.data.questions).toHaveLength(20);
  });
});
