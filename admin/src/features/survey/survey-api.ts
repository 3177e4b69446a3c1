import { appraisalRoutes, surveyRoutes } from '@zhili/shared';
import type { ClientInput } from '@zhili/shared';
import { api } from '@/api/contract-client';
import { http } from '@/api/http';

type Body<R> = R extends { body: infer B } ? B : never;
type Query<R> = R extends { query?: infer Q } ? NonNullable<Q> : never;

export type SurveyQuery = Query<ClientInput<typeof surveyRoutes.list>>;
export type SurveyBody = Body<ClientInput<typeof surveyRoutes.create>>;
export type AppraisalBody = Body<ClientInput<typeof appraisalRoutes.create>>;

/** 问卷、议事协商与民主评议. Saving is silent (the dialog shows the errors); actions toast theirs. */
export const surveyApi = {
  list: (query: SurveyQuery) => api(surveyRoutes.list, { query }),
  targets: () => api(surveyRoutes.targets, {}),
  get: (id: string) => api(surveyRoutes.get, { params: { id } }),
  create: (body: SurveyBody) => api(surveyRoutes.create, { body }, { silent: true }),
  update: (id: string, body: SurveyBody) => api(surveyRoutes.update, { params: { id }, body }, { silent: true }),
  publish: (id: string) => api(surveyRoutes.publish, { params: { id } }),
  close: (id: string) => api(surveyRoutes.close, { params: { id } }),
  results: (id: string) => api(surveyRoutes.results, { params: { id } }),
  exportResults: (id: string, title: string) =>
    http.download(surveyRoutes.exportResults.path.replace(':id', encodeURIComponent(id)), `${title}-统计结果.xlsx`),
};

export const appraisalApi = {
  list: (query: { page: number; pageSize: number }) => api(appraisalRoutes.list, { query }),
  get: (id: string) => api(appraisalRoutes.get, { params: { id } }),
  create: (body: AppraisalBody) => api(appraisalRoutes.create, { body }, { silent: true }),
  close: (id: string) => api(appraisalRoutes.close, { params: { id } }),
};
