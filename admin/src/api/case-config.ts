/**
 * Case configuration API (`case:manage`): categories with their SLAs, the holiday calendar and the
 * Open311 api keys (docs/CONTRACTS.md "Cases (issue #5)" → "Staff API").
 */
import { caseConfigRoutes } from '@zhili/shared';
import type { CaseCategoryCreateInput, CaseCategoryUpdateInput, HolidayVO, Open311KeyVO } from '@zhili/shared';
import { api } from './contract-client';
import { http } from './http';
import { ADMIN, seg } from './registry/query';

/** Editable fields of a category (`code` is fixed once created). */
export type CaseCategoryInput = CaseCategoryUpdateInput;

/** `POST /open311/keys` answer: the full key, shown exactly once. */
export type Open311KeyCreated = Open311KeyVO & { key: string };

export const caseCategoriesApi = {
  /** All categories, including inactive ones. */
  list: () => api(caseConfigRoutes.listCategories, {}),
  create: (input: CaseCategoryCreateInput) => api(caseConfigRoutes.createCategory, { body: input }, { silent: true }),
  update: (code: string, patch: CaseCategoryUpdateInput) =>
    api(caseConfigRoutes.updateCategory, { params: { code }, body: patch }, { silent: true }),
};

export const holidaysApi = {
  list: (year: number) => api(caseConfigRoutes.listHolidays, { query: { year } }),
  /** Replaces every entry of the year (audited). */
  replaceYear: (year: number, days: HolidayVO[]) =>
    api(caseConfigRoutes.replaceHolidays, { params: { year }, body: { days } }),
};

export const open311KeysApi = {
  list: () => http.get<Open311KeyVO[]>(`${ADMIN}/open311/keys`),
  create: (name: string) => http.post<Open311KeyCreated>(`${ADMIN}/open311/keys`, { name }),
  revoke: (id: string) => http.delete<unknown>(`${ADMIN}/open311/keys/${seg(id)}`),
};
