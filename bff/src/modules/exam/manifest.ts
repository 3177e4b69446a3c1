import type { ModuleManifest } from '../../core/modules/manifest';
import { Exams1764300600000 } from '../../core/db/migrations/1764300600000-Exams';
import { ExamAttempt } from './attempts/exam-attempt.entity';
import { ExamQuestion } from './bank/exam-question.entity';
import { examEnv } from './exam.config';
import { Exam } from './exams/exam.entity';
import { ExamWrongAnswer } from './practice/exam-wrong-answer.entity';

/** Question bank, practice with the wrong-answer book, and exams graded by the server (#15). */
export const examManifest = {
  name: 'exam',
  config: examEnv,
  entities: [ExamQuestion, Exam, ExamAttempt, ExamWrongAnswer],
  migrations: [Exams1764300600000],
  permissions: ['exam:manage', 'party:manage'],
  subscribers: [],
} satisfies ModuleManifest;
