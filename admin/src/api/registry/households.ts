import type { HeadRelation, HouseholdDetailVO, HouseholdType, HouseholdVO } from '@zhili/shared';
import { http } from '../http';
import { ADMIN, seg, type PageQuery } from './query';

export type HouseholdFilterQuery = { regionId?: string; type?: HouseholdType | ''; q?: string };

/** Body of `POST /households` / `PATCH /households/:id`. */
export interface HouseholdInput {
  regionId: string;
  type: HouseholdType;
  code?: string | null;
  address?: string | null;
  houseId?: string | null;
  headPersonId?: string | null;
  landNote?: string | null;
}

/** 户: list, detail with members, member add/remove. */
export const householdsApi = {
  list: (query: PageQuery & HouseholdFilterQuery) => http.list<HouseholdVO>(`${ADMIN}/households`, { query }),
  get: (id: string) => http.get<HouseholdDetailVO>(`${ADMIN}/households/${seg(id)}`, { silent: true }),
  create: (input: HouseholdInput) => http.post<HouseholdDetailVO>(`${ADMIN}/households`, input, { silent: true }),
  update: (id: string, patch: Partial<HouseholdInput>) =>
    http.patch<HouseholdDetailVO>(`${ADMIN}/households/${seg(id)}`, patch, { silent: true }),
  remove: (id: string) => http.delete<null>(`${ADMIN}/households/${seg(id)}`),
  addMember: (id: string, personId: string, relationToHead: HeadRelation) =>
    http.post<unknown>(`${ADMIN}/households/${seg(id)}/members`, { personId, relationToHead }),
  removeMember: (id: string, personId: string) =>
    http.delete<null>(`${ADMIN}/households/${seg(id)}/members/${seg(personId)}`),
};
