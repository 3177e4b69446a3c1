import { randomUUID } from 'crypto';
import { IsNull, type DataSource } from 'typeorm';
import {
  drawPaper,
  gradePaper,
  keyOfDraft,
  optionId,
  shuffleOptions,
  type ExamResponse,
  type QuestionDraft,
} from '@zhili/shared';
import { insertEach } from '../core/db/insert-each';
import { ExamAttempt } from '../modules/exam/attempts/exam-attempt.entity';
import { ExamQuestion } from '../modules/exam/bank/exam-question.entity';
import { Exam } from '../modules/exam/exams/exam.entity';
import { PartyMemberAccount } from '../modules/party/meetings/party-member-account.entity';
import { PartyMember } from '../modules/party/members/party-member.entity';
import { PartyOrg } from '../modules/party/org/party-org.entity';
import { demoQuestions } from './demo-study-exam-questions';
import { Rng } from './prng';

const DEMO_EXAM_SEED = 20_261_207;
const DAY_MS = 86_400_000;
const SECTIONS = [
  { category: '党章', count: 6 },
  { category: '党史', count: 7 },
  { category: '党的基本知识', count: 7 },
];

export interface DemoStudyExamReport {
  /** False when a bank existed already (nothing written) or there is no party organisation. */
  created: boolean;
  questions: number;
  attempts: number;
}

/**
 * The demo exams (#15): the town committee's question bank (~50 questions of every type), one open
 * exam for all members (drawn paper, 20 minutes, 60 of 100 to pass), and finished attempts by a few
 * members not linked to a demo account, so the results page is not empty. 李四 sits it himself.
 */
export async function ensureDemoStudyExam(
  dataSource: DataSource,
  options: { now?: Date } = {},
): Promise<DemoStudyExamReport> {
  const none = { created: false, questions: 0, attempts: 0 };
  if ((await dataSource.getRepository(ExamQuestion).count()) > 0) return none;
  const top = await dataSource
    .getRepository(PartyOrg)
    .findOne({ where: { parentId: IsNull() }, order: { path: 'ASC' } });
  if (!top) return none;
  const now = (options.now ?? new Date()).getTime();
  const rng = new Rng(DEMO_EXAM_SEED);
  const questions = demoQuestions.map((q) => {
    let draft: QuestionDraft;
    if ('options' in q)
      draft = { type: q.type, options: q.options.map((text, i) => ({ text, correct: q.right.includes(optionId(i)) })) };
    else if ('truth' in q) draft = { type: q.type, truth: q.truth };
    else draft = { type: q.type, blanks: q.blanks };
    return dataSource.getRepository(ExamQuestion).create({
      id: randomUUID(),
      orgId: top.id,
      orgPath: top.path,
      category: q.category,
      difficulty: rng.next() < 0.5 ? 'easy' : 'medium',
      type: q.type,
      stem: q.stem,
      options: (draft.options ?? []).map((o, i) => ({ id: optionId(i), text: o.text, correct: o.correct })),
      answerKey: keyOfDraft(draft),
      explanation: q.why ?? null,
      deletedAt: null,
      actorId: 'seed',
    });
  });
  // One statement each: the questions' ids are used below (insertEach says why).
  await insertEach(dataSource.getRepository(ExamQuestion), questions);
  const exam = dataSource.getRepository(Exam).create({
    id: randomUUID(),
    orgId: top.id,
    orgPath: top.path,
    title: '2026年度党章党史知识测试',
    description: '全镇党员参加，每人随机抽取 20 道题。请在规定时间内独立完成。',
    paperKind: 'drawn',
    questionIds: [],
    sections: SECTIONS,
    pointsEach: 5,
    passMark: 60,
    timeLimitMinutes: 20,
    attemptsAllowed: 3,
    opensAt: new Date(now - 7 * DAY_MS).toISOString(),
    closesAt: new Date(now + 30 * DAY_MS).toISOString(),
    audienceKind: 'all',
    audienceOrgIds: [],
    audiencePaths: [top.path],
    publishedAt: new Date(now - 7 * DAY_MS).toISOString(),
    actorId: 'seed',
  });
  await dataSource.getRepository(Exam).insert(exam);
  // A few members (never a linked demo account: their own page should start clean) sat it already.
  const linked = new Set((await dataSource.getRepository(PartyMemberAccount).find()).map((a) => a.memberId));
  const members = (
    await dataSource.getRepository(PartyMember).find({ where: { status: 'active' }, order: { id: 'ASC' } })
  ).filter((m) => !linked.has(m.id) && m.orgPath.startsWith(top.path));
  const byId = new Map(questions.map((q) => [q.id, q]));
  const attempts: ExamAttempt[] = [];
  for (const [i, member] of members.slice(0, 6).entries()) {
    const seed = randomUUID();
    const drawn = drawPaper(questions, SECTIONS, seed);
    if (!drawn.ok) break;
    const skill = rng.range(0.45, 0.95);
    const responses: Record<string, ExamResponse | null> = {};
    for (const id of drawn.questionIds) {
      const q = byId.get(id)!;
      responses[id] = rng.next() < skill ? rightResponse(q) : wrongResponse(q, seed);
    }
    const paper = drawn.questionIds.map((id) => ({ id, points: exam.pointsEach, key: byId.get(id)!.answerKey }));
    const result = gradePaper(paper, responses);
    const startedAt = now - (6 - i) * DAY_MS + 9 * 3600_000;
    const used = Math.floor(rng.range(6, 19) * 60_000);
    attempts.push(
      dataSource.getRepository(ExamAttempt).create({
        id: randomUUID(),
        examId: exam.id,
        memberId: member.id,
        orgPath: member.orgPath,
        attemptNo: 1,
        seed,
        paper,
        responses,
        startedAt: new Date(startedAt).toISOString(),
        deadline: new Date(startedAt + 20 * 60_000).toISOString(),
        endedAt: new Date(startedAt + used).toISOString(),
        endedBy: 'submitted',
        score: result.total,
        maxScore: result.maxTotal,
        passed: result.total >= exam.passMark,
        graded: Object.fromEntries(result.answers.map((a) => [a.questionId, { score: a.score, correct: a.correct }])),
      }),
    );
  }
  if (attempts.length) await dataSource.getRepository(ExamAttempt).insert(attempts);
  return { created: true, questions: questions.length, attempts: attempts.length };
}

function rightResponse(q: ExamQuestion): ExamResponse {
  const k = q.answerKey;
  if (k.type === 'single') return { type: 'single', option: k.option };
  if (k.type === 'multiple') return { type: 'multiple', options: [...k.options] };
  if (k.type === 'true_false') return { type: 'true_false', value: k.value };
  return { type: 'fill', blanks: k.blanks.map((b) => b[0]) };
}

/** A plausible wrong answer: another option, the other truth, a near-miss fill-in. */
function wrongResponse(q: ExamQuestion, seed: string): ExamResponse {
  const k = q.answerKey;
  const ids = shuffleOptions(
    q.options.map((o) => o.id),
    seed,
    q.id,
  );
  if (k.type === 'single') return { type: 'single', option: ids.find((o) => o !== k.option) ?? ids[0] };
  if (k.type === 'multiple') return { type: 'multiple', options: ids.slice(0, 1) };
  if (k.type === 'true_false') return { type: 'true_false', value: !k.value };
  return { type: 'fill', blanks: k.blanks.map(() => '不记得了') };
}
