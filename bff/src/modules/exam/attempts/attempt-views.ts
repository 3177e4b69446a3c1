import { shuffleOptions } from '@zhili/shared';
import type { AttemptPaperVO, AttemptResultVO, ExamResponse } from '@zhili/shared';
import type { ExamQuestion } from '../bank/exam-question.entity';
import { toMemberQuestion } from '../bank/question-views';
import type { Exam } from '../exams/exam.entity';
import type { ExamAttempt } from './exam-attempt.entity';

/** A question's options in this attempt's order (choice questions; none otherwise). */
export function optionOrder(q: ExamQuestion, seed: string): string[] {
  const ids = q.options.map((o) => o.id);
  return ids.length > 1 ? shuffleOptions(ids, seed, q.id) : ids;
}

/** The paper of a running attempt: shuffled, without keys; the time left from the server clock. */
export function toPaperVO(
  exam: Exam,
  attempt: ExamAttempt,
  questions: ReadonlyMap<string, ExamQuestion>,
  now: number,
): AttemptPaperVO {
  const responses: Record<string, ExamResponse> = {};
  for (const [id, r] of Object.entries(attempt.responses)) if (r) responses[id] = r;
  return {
    attemptId: attempt.id,
    examId: exam.id,
    title: exam.title,
    attemptNo: attempt.attemptNo,
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    remainingSeconds: Math.max(0, Math.floor((Date.parse(attempt.deadline) - now) / 1000)),
    maxScore: attempt.maxScore,
    questions: attempt.paper.flatMap((p) => {
      const q = questions.get(p.id);
      return q ? [toMemberQuestion(q, p.points, optionOrder(q, attempt.seed))] : [];
    }),
    responses: responses as AttemptPaperVO['responses'],
  };
}

/** A graded attempt with my responses, the keys and the explanations. */
export function toResultVO(
  exam: Exam,
  attempt: ExamAttempt,
  questions: ReadonlyMap<string, ExamQuestion>,
): AttemptResultVO {
  const endedAt = attempt.endedAt ?? attempt.deadline;
  const used = Math.min(Date.parse(endedAt), Date.parse(attempt.deadline)) - Date.parse(attempt.startedAt);
  return {
    attemptId: attempt.id,
    examId: exam.id,
    title: exam.title,
    attemptNo: attempt.attemptNo,
    score: attempt.score ?? 0,
    maxScore: attempt.maxScore,
    passMark: exam.passMark,
    passed: attempt.passed,
    endedBy: attempt.endedBy ?? 'expired',
    submittedAt: endedAt,
    timeUsedSeconds: Math.max(0, Math.floor(used / 1000)),
    questions: attempt.paper.flatMap((p) => {
      const q = questions.get(p.id);
      if (!q) return [];
      const graded = attempt.graded?.[p.id] ?? { score: 0, correct: false };
      return [
        {
          ...toMemberQuestion(q, p.points, optionOrder(q, attempt.seed)),
          response: attempt.responses[p.id] ?? null,
          score: graded.score,
          correct: graded.correct,
          key: p.key,
          explanation: q.explanation,
        },
      ];
    }),
  } as AttemptResultVO;
}
