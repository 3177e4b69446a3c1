// Dev-only endpoints under /__dev/. They stand in for what the WeChat *client* does (wx.login,
// the phone-number button) and for test control; they are never part of WeChat's API.
// Errors here use HTTP 4xx + { error: { code, message } } so nobody mistakes them for WeChat's.
import { CODE_TTL_MS } from './codes';
import { DEFAULT_FAULT_ERRCODE } from './faults';
import { simOpenid } from './identity';
import { isWxPath } from './paths';
import type { SimState } from './state';
import type { JsonObject, JsonValue, SimRequest, SimResponse } from './types';
import { parseJsonBody, stringFields } from './wx-helpers';

export function devError(status: number, code: string, message: string): SimResponse {
  return { status, body: { error: { code, message } } };
}

export const badRequest = (message: string): SimResponse => devError(400, 'BAD_REQUEST', message);

export type DevParsed<T> = { ok: true; value: T } | { ok: false; response: SimResponse };

export function devBody(req: SimRequest): DevParsed<JsonObject> {
  const parsed = parseJsonBody(req);
  return parsed.ok ? parsed : { ok: false, response: badRequest('body must be a JSON object') };
}

export function appOf(state: SimState, body: JsonObject): DevParsed<string> {
  const appid = body.appid;
  if (typeof appid !== 'string' || appid === '') return { ok: false, response: badRequest('appid is required') };
  if (!state.apps.has(appid)) {
    return { ok: false, response: badRequest(`unknown appid "${appid}" (configure it in WECHAT_SIM_APPS)`) };
  }
  return { ok: true, value: appid };
}

/** POST /__dev/login-code { appid, identity } — what wx.login() would hand the mini-program. */
export function devLoginCode(state: SimState, req: SimRequest): SimResponse {
  const parsed = devBody(req);
  if (!parsed.ok) return parsed.response;
  const body = parsed.value;
  const app = appOf(state, body);
  if (!app.ok) return app.response;
  const appid = app.value;
  const identity = body.identity;
  if (typeof identity !== 'string' || identity.trim() === '' || identity.length > 128) {
    return badRequest('identity must be a non-empty string of at most 128 chars');
  }
  const openid = simOpenid(appid, identity);
  const now = state.now();
  state.rotateSessionKey(appid, openid);
  const code = state.codes.issueLogin(appid, identity, openid, now);
  return { status: 200, body: { code, openid, expires_in: CODE_TTL_MS / 1000 } };
}

/** POST /__dev/phone-code { appid, phoneNumber, countryCode? } — the getPhoneNumber button. */
export function devPhoneCode(state: SimState, req: SimRequest): SimResponse {
  const parsed = devBody(req);
  if (!parsed.ok) return parsed.response;
  const body = parsed.value;
  const app = appOf(state, body);
  if (!app.ok) return app.response;
  const appid = app.value;
  const fields = stringFields(body, ['phoneNumber', 'countryCode'] as const);
  if (!fields.ok) return badRequest('phoneNumber and countryCode must be strings');
  const countryCode = fields.value.countryCode ?? '86';
  const phoneNumber = fields.value.phoneNumber ?? '';
  if (!/^\d{1,4}$/.test(countryCode)) return badRequest('countryCode must be 1-4 digits, e.g. "86"');
  // Mainland numbers are 11 digits starting with 1; catching typos here beats a confusing test.
  const valid = countryCode === '86' ? /^1\d{10}$/.test(phoneNumber) : /^\d{4,15}$/.test(phoneNumber);
  if (!valid) return badRequest('phoneNumber must be digits only (11 digits starting with 1 for +86)');
  const code = state.codes.issuePhone(appid, countryCode, phoneNumber, state.now());
  return { status: 200, body: { code } };
}

/** Integer field within [min, max]; without a fallback the field is required. */
export function devIntField(
  body: JsonObject,
  key: string,
  min: number,
  max: number,
  fallback?: number,
): DevParsed<number> {
  const value: JsonValue | undefined = body[key];
  if (value === undefined || value === null) {
    return fallback === undefined
      ? { ok: false, response: badRequest(`${key} is required`) }
      : { ok: true, value: fallback };
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return { ok: false, response: badRequest(`${key} must be an integer in [${min}, ${max}]`) };
  }
  return { ok: true, value };
}

/**
 * POST /__dev/faults { path, errcode?, httpStatus?, times, delayMs? } — the next `times` calls to
 * `path` fail (default: HTTP 200 + errcode -1 "system error", WeChat's transient error);
 * times: 0 clears the path.
 */
export function devSetFault(state: SimState, req: SimRequest): SimResponse {
  const parsed = devBody(req);
  if (!parsed.ok) return parsed.response;
  const body = parsed.value;
  const path = body.path;
  if (typeof path !== 'string' || !isWxPath(path)) {
    return badRequest('path must be one of the simulated WeChat paths, e.g. "/sns/jscode2session"');
  }
  const times = devIntField(body, 'times', 0, 10_000);
  if (!times.ok) return times.response;
  const errcode = devIntField(body, 'errcode', -1_000_000, 1_000_000, DEFAULT_FAULT_ERRCODE);
  if (!errcode.ok) return errcode.response;
  const httpStatus = devIntField(body, 'httpStatus', 200, 599, 200);
  if (!httpStatus.ok) return httpStatus.response;
  const delayMs = devIntField(body, 'delayMs', 0, 60_000, 0);
  if (!delayMs.ok) return delayMs.response;

  const fault = { errcode: errcode.value, httpStatus: httpStatus.value, delayMs: delayMs.value };
  state.faults.set(path, { ...fault, remaining: times.value });
  return { status: 200, body: { path, ...fault, times: times.value } };
}

/** GET /__dev/faults — pending failures per path, handy when a test leaves some unconsumed. */
export function devListFaults(state: SimState): SimResponse {
  return { status: 200, body: { pending: state.faults.pending() } };
}

/** POST /__dev/reset — forget codes, tokens, sessions and faults (apps stay configured). */
export function devReset(state: SimState): SimResponse {
  state.reset();
  return { status: 200, body: { ok: true } };
}

/** GET /__dev/health — readiness probe for the launcher and e2e setup. */
export function devHealth(state: SimState): SimResponse {
  return { status: 200, body: { status: 'ok', apps: [...state.apps.keys()] } };
}
