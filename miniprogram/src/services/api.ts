import type { HealthReport, Role, TokenPair } from '@zhili/shared';
import { request } from './request';

/** GET /api/mp/me — the signed-in resident's profile (docs/CONTRACTS.md). */
export interface MpProfile {
  id: string;
  nickname: string;
  avatarUrl: string | null;
  roles: Role[];
  /** e.g. 138****0000; null when no phone is bound. */
  phoneMasked: string | null;
  createdAt: string;
}

export interface MpLoginResult extends TokenPair {
  user: MpProfile;
}

export function fetchHealth(): Promise<HealthReport> {
  // 503 carries the same body when the service is degraded.
  return request<HealthReport>('/api/health', { auth: false, silent: true, acceptStatus: [503] });
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
