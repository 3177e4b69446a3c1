import { visitRoutes } from '@zhili/shared';
import type { ClientInput, VisitDueFilter } from '@zhili/shared';
import { api } from '../contract-client';
import type { PageQuery } from './query';

/** 走访记录 and 待走访. */
export const visitsApi = {
  list: (query: PageQuery & { personId?: string; regionId?: string }) => api(visitRoutes.list, { query }),
  create: (body: ClientInput<typeof visitRoutes.create>['body']) => api(visitRoutes.create, { body }, { silent: true }),
  due: (query: PageQuery & { regionId?: string; status?: VisitDueFilter | '' }) => api(visitRoutes.due, { query }),
};
