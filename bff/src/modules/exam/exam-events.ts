import { z } from '@zhili/shared';
import { defineDomainEvent } from '../../core/events';

/**
 * `exam.passed`: a member's attempt reached the pass mark, appended in the grading transaction (the
 * study points subscribe to it). Keyed by the attempt, so a retried grading cannot double it.
 */
export const ExamPassedEvent = defineDomainEvent(
  'exam.passed',
  z.object({ memberId: z.string(), examId: z.string(), attemptId: z.string() }),
);
export type ExamPassed = z.infer<typeof ExamPassedEvent.schema>;

export const examPassedKey = (attemptId: string) => `exam:passed:${attemptId}`;
