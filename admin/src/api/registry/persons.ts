import { personRoutes } from '@zhili/shared';
import type { ClientInput, Gender, HukouType, PersonStatus } from '@zhili/shared';
import { api } from '../contract-client';
import { flatQuery, type PageQuery } from './query';

/** Filters of `GET /api/admin/persons` (also used by the persons export). */
export type PersonFilterQuery = {
  regionId?: string;
  tag?: readonly string[];
  /** Name prefix, or a full ID number / mobile (exact match). */
  q?: string;
  gender?: Gender | '';
  hukouType?: HukouType | '';
  status?: PersonStatus | 'all' | '';
  householdId?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  sort?: 'name' | 'birthDate' | 'createdAt';
  order?: 'asc' | 'desc';
};

/** Body of `POST /persons`; a PATCH sends only changed fields. */
export type PersonInput = ClientInput<typeof personRoutes.create>['body'];
export type PersonPatch = ClientInput<typeof personRoutes.update>['body'];

/** 人口: `GET|POST /persons`, `GET|PATCH|DELETE /persons/:id`, `/pii` (audited), `PUT /tags`. */
export const personsApi = {
  list: (query: PageQuery & PersonFilterQuery) => api(personRoutes.list, { query: flatQuery(query) }),
  get: (id: string) => api(personRoutes.get, { params: { id } }, { silent: true }),
  create: (input: PersonInput) => api(personRoutes.create, { body: input }, { silent: true }),
  update: (id: string, patch: PersonPatch) =>
    api(personRoutes.update, { params: { id }, body: patch }, { silent: true }),
  remove: (id: string) => api(personRoutes.remove, { params: { id } }),
  /** Unmasked ID number and phone; the BFF records the read in the audit log. */
  pii: (id: string) => api(personRoutes.pii, { params: { id } }),
  setTags: (id: string, codes: string[]) => api(personRoutes.setTags, { params: { id }, body: { codes } }),
};
