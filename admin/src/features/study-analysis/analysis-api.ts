import { studyAnalysisRoutes, studyPointsRoutes } from '@zhili/shared';
import type { ClientInput } from '@zhili/shared';
import { api } from '@/api/contract-client';
import { http } from '@/api/http';

type Body<R> = R extends { body: infer B } ? B : never;
type Query<R> = R extends { query?: infer Q } ? NonNullable<Q> : never;

export type RankingQuery = Query<ClientInput<typeof studyPointsRoutes.ranking>>;
export type RulesBody = Body<ClientInput<typeof studyPointsRoutes.saveRules>>;
export type LaggardQuery = Query<ClientInput<typeof studyAnalysisRoutes.laggards>>;

/** 进度分析 and the points pages (the points routes belong to the points part of the school). */
export const analysisApi = {
  courses: (page: number, pageSize: number) => api(studyAnalysisRoutes.courses, { query: { page, pageSize } }),
  courseMembers: (id: string, page: number, pageSize: number, orgId?: string) =>
    api(studyAnalysisRoutes.courseMembers, { params: { id }, query: { page, pageSize, orgId } }),
  member: (id: string) => api(studyAnalysisRoutes.member, { params: { id } }),
  laggards: (query: LaggardQuery) => api(studyAnalysisRoutes.laggards, { query }),
  reminderStatus: () => api(studyAnalysisRoutes.reminderStatus, {}),
  /** Silent: the page shows the refusal (e.g. when the next reminder is allowed) itself. */
  remind: (courseId: string, memberIds?: string[]) =>
    api(studyAnalysisRoutes.sendReminders, { body: { courseId, memberIds } }, { silent: true }),
  reportXlsx: (from: string, to: string, orgId?: string) =>
    http.download(studyAnalysisRoutes.reportXlsx.path, `学习报表-${from}-${to}.xlsx`, {
      query: orgId ? { from, to, orgId } : { from, to },
    }),
  ranking: (query: RankingQuery) => api(studyPointsRoutes.ranking, { query }),
  rules: () => api(studyPointsRoutes.rules, {}),
  saveRules: (body: RulesBody) => api(studyPointsRoutes.saveRules, { body }, { silent: true }),
};

/** 1000 ‰ → "100%". */
export const percent = (permille: number): string => `${Math.floor(permille / 10)}%`;

/** Milliseconds → "1 小时 5 分" / "12 分". */
export function minutesText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} 分`;
  return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`;
}

/** ISO instant → Beijing "YYYY-MM-DD HH:mm". */
export const beijingTime = (iso: string | null): string =>
  iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—';

/** Beijing today, YYYY-MM-DD. */
export const beijingToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
