import type { VisitDueStatus, VisitDueVO, VisitVO } from '@zhili/shared';
import { http } from '../http';
import { ADMIN, type PageQuery } from './query';

/** 走访记录 and 待走访. */
export const visitsApi = {
  list: (query: PageQuery & { personId?: string; regionId?: string }) => http.list<VisitVO>(`${ADMIN}/visits`, { query }),
  create: (body: { personId: string; visitedAt?: string; note: string; photoIds: string[] }) =>
    http.post<VisitVO>(`${ADMIN}/visits`, body, { silent: true }),
  due: (query: PageQuery & { regionId?: string; status?: VisitDueStatus | '' }) =>
    http.list<VisitDueVO>(`${ADMIN}/visits/due`, { query }),
};
