/**
 * Question bank, practice and exams (#15): what other modules may import from it.
 */
export {};
