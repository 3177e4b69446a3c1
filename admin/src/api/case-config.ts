/**
 * Case configuration API (`case:manage`): categories with their SLAs, the holiday calendar and the
 * Open311 api keys (docs/CONTRACTS.md "Cases (issue #5)" → "Staff API").
 */
import type { CaseCategoryVO, HolidayVO, Open311KeyVO } from '@zhili/shared';
import { http } from './http';
import { ADMIN, seg } from './registry/query';

/** Editable fields of a category (`code` is fixed once created). */
export type CaseCategoryInput = Omit<CaseCategoryVO, 'code'>;

/** `POST /open311/keys` answer: the full key, shown exactly once. */
export type Open311KeyCreated = Open311KeyVO & { key: string };

export const caseCategoriesApi = {
  /** All categories, including inactive ones. */
  list: () => http.get<CaseCategoryVO[]>(`${ADMIN}/case-categories`),
  create: (input: CaseCategoryVO) => http.post<CaseCategoryVO>(`${ADMIN}/case-categories`, input, { silent: true }),
  update: (code: string, patch: Partial<CaseCategoryInput>) =>
    http.patch<CaseCategoryVO>(`${ADMIN}/case-categories/${seg(code)}`, patch, { silent: true }),
};

export const holidaysApi = {
  list: (year: number) => http.get<HolidayVO[]>(`${ADMIN}/holidays`, { query: { year } }),
  /** Replaces every entry of the year (audited). */
  replaceYear: (year: number, days: HolidayVO[]) => http.put<HolidayVO[] | null>(`${ADMIN}/holidays/${year}`, { days }),
};

export const open311KeysApi = {
  list: () => http.get<Open311KeyVO[]>(`${ADMIN}/open311/keys`),
  create: (name: string) => http.post<Open311KeyCreated>(`${ADMIN}/open311/keys`, { name }),
  revoke: (id: string) => http.delete<unknown>(`${ADMIN}/open311/keys/${seg(id)}`),
};
