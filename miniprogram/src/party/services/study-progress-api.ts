import { routes } from '@zhili/shared/client';
import type {
  ApiList,
  LessonProgressVO,
  MpRankingVO,
  MyLessonVO,
  MyStudyVO,
  PointsEntryVO,
  StudyHeartbeatBody,
  StudyHeartbeatResultVO,
} from '@zhili/shared/client';
import { api } from '../../services/contract-client';

/** The lesson player's and the points pages' calls. Silent: the pages show failures themselves. */
const SILENT = { silent: true } as const;

export const POINTS_PAGE_SIZE = 20;

export function fetchLesson(id: string): Promise<MyLessonVO> {
  return api(routes.mpStudyCourses.lesson, { params: { id } }, SILENT);
}

export function fetchLessonProgress(id: string): Promise<LessonProgressVO> {
  return api(routes.mpStudy.lessonProgress, { params: { id } }, SILENT);
}

export function sendHeartbeat(id: string, body: StudyHeartbeatBody): Promise<StudyHeartbeatResultVO> {
  return api(routes.mpStudy.heartbeat, { params: { id }, body }, SILENT);
}

export function fetchMyStudy(): Promise<MyStudyVO> {
  return api(routes.mpStudy.me, {}, SILENT);
}

export function fetchMyPoints(page: number): Promise<ApiList<PointsEntryVO>> {
  return api(routes.mpStudy.points, { query: { page, pageSize: POINTS_PAGE_SIZE } }, SILENT);
}

export function fetchRanking(scope: 'branch' | 'town', period: 'month' | 'year'): Promise<MpRankingVO> {
  return api(routes.mpStudy.ranking, { query: { scope, period } }, SILENT);
}
