import { examBankRoutes as B, examRoutes as E } from '@zhili/shared';
import type { ClientInput, QuestionImportJobVO } from '@zhili/shared';
import { api } from '@/api/contract-client';
import { http } from '@/api/http';

type Body<T> = T extends { body: infer X } ? X : never;
type Query<T> = T extends { query?: infer Q } ? NonNullable<Q> : never;

export type QuestionQuery = Query<ClientInput<typeof B.questions>>;
export type QuestionBody = Body<ClientInput<typeof B.createQuestion>>;
export type ExamQuery = Query<ClientInput<typeof E.list>>;
export type ExamBody = Body<ClientInput<typeof E.create>>;

/** 题库. Form writes are silent (their dialogs show the errors). */
export const bankApi = {
  list: (query: QuestionQuery) => api(B.questions, { query }),
  categories: () => api(B.categories, {}),
  create: (body: QuestionBody) => api(B.createQuestion, { body }, { silent: true }),
  update: (id: string, body: QuestionBody) => api(B.updateQuestion, { params: { id }, body }, { silent: true }),
  remove: (id: string) => api(B.deleteQuestion, { params: { id } }),
  template: () => http.download(B.importTemplate.path, '题目导入模板.xlsx'),
  /** Starts an import job (202) into `orgId`; poll `job` until it succeeds or fails. */
  startImport(orgId: string, file: File, dryRun: boolean): Promise<QuestionImportJobVO> {
    const form = new FormData();
    form.append('dryRun', String(dryRun));
    form.append('orgId', orgId);
    form.append('file', file, file.name);
    return http.upload<QuestionImportJobVO>(B.startImport.path, form);
  },
  job: (id: string) => api(B.importJob, { params: { id } }, { silent: true }),
};

/** 考试 and its results. */
export const examsApi = {
  list: (query: ExamQuery) => api(E.list, { query }),
  get: (id: string) => api(E.get, { params: { id } }),
  create: (body: ExamBody) => api(E.create, { body }, { silent: true }),
  update: (id: string, body: ExamBody) => api(E.update, { params: { id }, body }, { silent: true }),
  publish: (id: string) => api(E.publish, { params: { id } }),
  remove: (id: string) => api(E.remove, { params: { id } }),
  results: (id: string, page: number, pageSize: number) =>
    api(E.results, { params: { id }, query: { page, pageSize } }),
  analysis: (id: string) => api(E.analysis, { params: { id } }),
  exportResults: (id: string, title: string) =>
    http.download(E.exportResults.path.replace(':id', encodeURIComponent(id)), `${title}-成绩.xlsx`),
};
