import { routes } from '@zhili/shared/client';
import type { BindingRedeemVO, MpLoginVO, MpProfileVO } from '@zhili/shared/client';
import { api } from './contract-client';
import { saveTokens } from './session';

/** GET /api/mp/me — the signed-in resident's profile (docs/CONTRACTS.md). */
export type MpProfile = MpProfileVO;
export type MpLoginResult = MpLoginVO;
/** Redeem answer: a new token pair, the profile, the role conferred and that role's region. */
export type BindingRedeemResult = BindingRedeemVO;

export function fetchMe(silent = true): Promise<MpProfile> {
  return api(routes.mpMe.me, {}, { silent });
}

export function updateMe(patch: { nickname?: string; avatarUrl?: string }): Promise<MpProfile> {
  return api(routes.mpMe.update, { body: patch });
}

export function loginWithCode(code: string, nickname?: string): Promise<MpLoginResult> {
  const body = nickname ? { code, nickname } : { code };
  return api(routes.mpAuth.login, { body }, { auth: false });
}

/** POST /api/mp/me/phone — bind the number behind a getPhoneNumber code; answers it masked. */
export function bindPhone(code: string): Promise<MpProfile> {
  return api(routes.mpMe.bindPhone, { body: { code } }, { silent: true });
}

/**
 * POST /api/mp/bindings/redeem — use a staff-issued binding code. The answer carries a new token
 * pair whose access token already has the new role; it replaces the stored session at once.
 */
export async function redeemBindingCode(code: string): Promise<BindingRedeemResult> {
  const result = await api(routes.bindingsMp.redeem, { body: { code } }, { silent: true });
  saveTokens(result);
  return result;
}
