import type { ModuleManifest } from '../../core/modules/manifest';
import { examEnv } from './exam.config';

/** Question bank, practice with the wrong-answer book, and exams graded by the server (#15). */
export const examManifest = {
  name: 'exam',
  config: examEnv,
  entities: [],
  migrations: [],
  permissions: ['exam:manage', 'party:manage'],
  subscribers: [],
} satisfies ModuleManifest;
