/**
 * Case configuration API (`case:manage`): categories with their SLAs, the holiday calendar and the
 * Open311 api keys (docs/CONTRACTS.md "Cases (issue #5)" → "Staff API").
 */
import { caseConfigRoutes, open311KeyRoutes } from '@zhili/shared';
import type { CaseCategoryCreateInput, CaseCategoryUpdateInput, HolidayVO } from '@zhili/shared';
import { api } from './contract-client';

/** Editable fields of a category (`code` is fixed once created). */
export type CaseCategoryInput = CaseCategoryUpdateInput;

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
  list: () => api(open311KeyRoutes.list, {}),
  /** The answer carries the full key, shown exactly once. */
  create: (name: string) => api(open311KeyRoutes.issue, { body: { name } }),
  revoke: (id: string) => api(open311KeyRoutes.revoke, { params: { id } }),
};
