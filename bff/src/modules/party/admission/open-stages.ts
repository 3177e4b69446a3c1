/** Stages of an admission still under way: it belongs to its branch (moved along when the branch merges). */
export const OPEN_ADMISSION_STAGES = ['applicant', 'activist', 'candidate', 'probationary'] as const;
