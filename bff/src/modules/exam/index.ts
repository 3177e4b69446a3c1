/**
 * Question bank, practice and exams (#15): what other modules may import from it.
 */
export { ExamPassedEvent, examPassedKey } from './exam-events';
export type { ExamPassed } from './exam-events';
export { ExamClock } from './exam-clock';
export { MemberExamResults } from './exams/member-exam-results';
export type { MemberExamResult } from './exams/member-exam-results';
