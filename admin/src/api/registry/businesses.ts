import type { BusinessStatus, BusinessType, BusinessVO } from '@zhili/shared';
import { http } from '../http';
import { ADMIN, seg, type PageQuery } from './query';

export type BusinessFilterQuery = { regionId?: string; type?: BusinessType | ''; status?: BusinessStatus | ''; q?: string };

export interface BusinessInput {
  name: string;
  creditCode: string;
  legalRepresentative?: string | null;
  /** Full number; omitted on PATCH unless re-entered. */
  contactPhone?: string | null;
  address?: string | null;
  type: BusinessType;
  status: BusinessStatus;
  regionId: string;
  location?: [number, number] | null;
}

/** 经营单位. */
export const businessesApi = {
  list: (query: PageQuery & BusinessFilterQuery) => http.list<BusinessVO>(`${ADMIN}/businesses`, { query }),
  get: (id: string) => http.get<BusinessVO>(`${ADMIN}/businesses/${seg(id)}`, { silent: true }),
  create: (input: BusinessInput) => http.post<BusinessVO>(`${ADMIN}/businesses`, input, { silent: true }),
  update: (id: string, patch: Partial<BusinessInput>) =>
    http.patch<BusinessVO>(`${ADMIN}/businesses/${seg(id)}`, patch, { silent: true }),
  remove: (id: string) => http.delete<null>(`${ADMIN}/businesses/${seg(id)}`),
  /** Unmasked contact phone (audited). */
  pii: (id: string) => http.get<{ contactPhone: string | null }>(`${ADMIN}/businesses/${seg(id)}/pii`),
};
