import { householdRoutes } from '@zhili/shared';
import type { ClientInput, HeadRelation, HouseholdType } from '@zhili/shared';
import { api } from '../contract-client';
import type { PageQuery } from './query';

export type HouseholdFilterQuery = { regionId?: string; type?: HouseholdType | ''; q?: string };

/** Body of `POST /households`; a PATCH sends the same fields, each optional. */
export type HouseholdInput = ClientInput<typeof householdRoutes.create>['body'];
export type HouseholdPatch = ClientInput<typeof householdRoutes.update>['body'];

/** 户: list, detail with members, member add/remove. */
export const householdsApi = {
  list: (query: PageQuery & HouseholdFilterQuery) => api(householdRoutes.list, { query }),
  get: (id: string) => api(householdRoutes.get, { params: { id } }, { silent: true }),
  create: (input: HouseholdInput) => api(householdRoutes.create, { body: input }, { silent: true }),
  update: (id: string, patch: HouseholdPatch) =>
    api(householdRoutes.update, { params: { id }, body: patch }, { silent: true }),
  remove: (id: string) => api(householdRoutes.remove, { params: { id } }),
  addMember: (id: string, personId: string, relationToHead: HeadRelation) =>
    api(householdRoutes.addMember, { params: { id }, body: { personId, relationToHead } }),
  removeMember: (id: string, personId: string) => api(householdRoutes.removeMember, { params: { id, personId } }),
};
