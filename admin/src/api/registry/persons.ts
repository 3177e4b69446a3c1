import type {
  Gender,
  HeadRelation,
  HukouType,
  PermitStatus,
  PersonDetailVO,
  PersonPiiVO,
  PersonStatus,
  PersonVO,
} from '@zhili/shared';
import { http } from '../http';
import { ADMIN, flatQuery, seg, type PageQuery } from './query';

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

/** Body of `POST /persons` and `PATCH /persons/:id` (a PATCH sends only changed fields). */
export interface PersonInput {
  name: string;
  gender: Gender;
  birthDate?: string | null;
  /** Full ID number; omitted on PATCH unless re-entered (the list only ever has it masked). */
  idNumber?: string | null;
  phone?: string | null;
  hukouType: HukouType;
  hukouAddress?: string | null;
  address?: string | null;
  regionId: string;
  origin?: string | null;
  arrivalDate?: string | null;
  permitStatus?: PermitStatus | null;
  permitExpiry?: string | null;
  householdId?: string | null;
  relationToHead?: HeadRelation | null;
  status?: PersonStatus;
  note?: string | null;
  tags?: string[];
}

/** 人口: `GET|POST /persons`, `GET|PATCH|DELETE /persons/:id`, `/pii` (audited), `PUT /tags`. */
export const personsApi = {
  list: (query: PageQuery & PersonFilterQuery) => http.list<PersonVO>(`${ADMIN}/persons`, { query: flatQuery(query) }),
  get: (id: string) => http.get<PersonDetailVO>(`${ADMIN}/persons/${seg(id)}`, { silent: true }),
  create: (input: PersonInput) => http.post<PersonDetailVO>(`${ADMIN}/persons`, input, { silent: true }),
  update: (id: string, patch: Partial<PersonInput>) =>
    http.patch<PersonDetailVO>(`${ADMIN}/persons/${seg(id)}`, patch, { silent: true }),
  remove: (id: string) => http.delete<null>(`${ADMIN}/persons/${seg(id)}`),
  /** Unmasked ID number and phone; the BFF records the read in the audit log. */
  pii: (id: string) => http.get<PersonPiiVO>(`${ADMIN}/persons/${seg(id)}/pii`),
  setTags: (id: string, codes: string[]) => http.put<unknown>(`${ADMIN}/persons/${seg(id)}/tags`, { codes }),
};
