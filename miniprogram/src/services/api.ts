import type { Role, TokenPair } from '@zhili/shared';
import { request } from './request';
import { saveTokens } from './session';

/** GET /api/mp/me — the signed-in resident's profile (docs/CONTRACTS.md). */
export interface MpProfile {
  id: string;
  nickname: string;
  avatarUrl: string | null;
  roles: Role[];
  /** e.g. 138****0000; null when no phone is bound. */
  phoneMasked: string | null;
  /** 所属区域: the grid of a grid worker, else the region of another granted role; null before any. */
  region: { id: string; name: string } | null;
  /** Roles granted by binding codes, each with its own region (only a grid worker's grid opens data). */
  grants?: { role: 'grid_worker' | 'party_member'; region: { id: string; name: string } | null; registryScope: boolean }[];
  createdAt: string;
}

export interface MpLoginResult extends TokenPair {
  user: MpProfile;
}

export function fetchMe(silent = true): Promise<MpProfile> {
  return request<MpProfile>('/api/mp/me', { silent });
}

export function updateMe(patch: { nickname?: string; avatarUrl?: string }): Promise<MpProfile> {
  return request<MpProfile>('/api/mp/me', { method: 'PATCH', data: patch });
}

export function loginWithCode(code: string, nickname?: string): Promise<MpLoginResult> {
  const data = nickname ? { code, nickname } : { code };
  return request<MpLoginResult>('/api/mp/auth/login', { method: 'POST', data, auth: false });
}

/** POST /api/mp/me/phone — bind the number behind a getPhoneNumber code; answers it masked. */
export function bindPhone(code: string): Promise<MpProfile> {
  return request<MpProfile>('/api/mp/me/phone', { method: 'POST', data: { code }, silent: true });
}

export interface BindingRedeemResult extends TokenPair {
  profile: MpProfile;
  /** The role this code conferred. */
  role: Role;
  /** The region of that role (not necessarily profile.region: a party member code leaves the grid). */
  region?: { id: string; name: string } | null;
}

/**
 * POST /api/mp/bindings/redeem — use a staff-issued binding code. The answer carries a new token
 * pair whose access token already has the new role; it replaces the stored session at once.
 */
export async function redeemBindingCode(code: string): Promise<BindingRedeemResult> {
  const result = await request<BindingRedeemResult>('/api/mp/bindings/redeem', { method: 'POST', data: { code }, silent: true });
  saveTokens(result);
  return result;
}
