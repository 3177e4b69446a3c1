import { routes } from '@zhili/shared/client';
import type { MyCourseDetailVO, MyCourseVO, StudyHomeVO } from '@zhili/shared/client';
import { api } from '../../services/contract-client';

/** The party school's home and course pages. Silent: the pages show failures themselves. */
const SILENT = { silent: true } as const;

export function fetchStudyHome(): Promise<StudyHomeVO> {
  return api(routes.mpStudyCourses.home, {}, SILENT);
}

export function fetchMyCourse(id: string): Promise<MyCourseDetailVO> {
  return api(routes.mpStudyCourses.course, { params: { id } }, SILENT);
}

export function askToEnrol(id: string): Promise<MyCourseVO> {
  return api(routes.mpStudyCourses.enrol, { params: { id } });
}
