import type { BindingRole } from '@zhili/shared';
import { http } from './http';

export type { BindingRole } from '@zhili/shared';
export type BindingStatus = 'pending' | 'redeemed' | 'expired';

export interface IssuedBinding {
  id: string;
  /** 8 characters, single use. */
  code: string;
  expiresAt: string;
  qrDataUrl: string;
}

/** A binding code as listed (the code itself is shown only once, at issue time). */
export interface Binding {
  id: string;
  role: BindingRole;
  regionId?: string | null;
  regionName?: string | null;
  note?: string | null;
  status: BindingStatus;
  expiresAt: string;
  createdAt?: string;
  redeemedAt?: string | null;
  issuedBy?: string;
  redeemedBy?: string | null;
}

export interface NewBinding {
  role: BindingRole;
  regionId: string;
  note?: string;
}

export const bindingsApi = {
  issue: (input: NewBinding) => http.post<IssuedBinding>('/api/admin/bindings', input, { silent: true }),
  list: (page: number, pageSize: number, status: BindingStatus | '' = '') =>
    http.list<Binding>('/api/admin/bindings', { query: { page, pageSize, status } }),
};
