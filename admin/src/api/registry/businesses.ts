import { businessRoutes } from '@zhili/shared';
import type { BusinessStatus, BusinessType, ClientInput } from '@zhili/shared';
import { api } from '../contract-client';
import type { PageQuery } from './query';

export type BusinessFilterQuery = {
  regionId?: string;
  type?: BusinessType | '';
  status?: BusinessStatus | '';
  q?: string;
};

/** What the form sends on create; on PATCH the same fields, each optional. */
export type BusinessInput = ClientInput<typeof businessRoutes.create>['body'];
export type BusinessPatch = ClientInput<typeof businessRoutes.update>['body'];

/** 经营单位. */
export const businessesApi = {
  list: (query: PageQuery & BusinessFilterQuery) => api(businessRoutes.list, { query }),
  get: (id: string) => api(businessRoutes.get, { params: { id } }, { silent: true }),
  create: (input: BusinessInput) => api(businessRoutes.create, { body: input }, { silent: true }),
  update: (id: string, patch: BusinessPatch) =>
    api(businessRoutes.update, { params: { id }, body: patch }, { silent: true }),
  remove: (id: string) => api(businessRoutes.remove, { params: { id } }),
  /** Unmasked contact phone (audited). */
  pii: (id: string) => api(businessRoutes.pii, { params: { id } }),
};
