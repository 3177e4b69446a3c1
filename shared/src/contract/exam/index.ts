/** The exam module's routes (issue #15): question bank, exams and results, the mini-program's exams and practice. */
export * from './common';
export * from './bank';
export * from './exams';
export * from './mp';
