// Small helpers shared by the WeChat-API route handlers.
import { WxErr, wxError } from './errors';
import type { SimState } from './state';
import type { JsonObject, JsonValue, SimRequest, SimResponse } from './types';

/** WeChat reports business errors with HTTP 200; only the errcode tells what went wrong. */
export function wxFail(state: SimState, errcode: number): SimResponse {
  return { status: 200, body: { ...wxError(errcode, state.now()) } };
}

export function wxOk(body: JsonObject): SimResponse {
  return { status: 200, body };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errcode: number };

function isJsonObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** POST JSON body → object, or the errcode WeChat uses for that kind of bad body. */
export function parseJsonBody(req: SimRequest): Parsed<JsonObject> {
  if (req.bodyTooLarge) return { ok: false, errcode: WxErr.CONTENT_TOO_LARGE };
  if (req.body.trim() === '') return { ok: false, errcode: WxErr.EMPTY_POST_DATA };
  let value: JsonValue;
  try {
    value = JSON.parse(req.body) as JsonValue;
  } catch {
    return { ok: false, errcode: WxErr.DATA_FORMAT_ERROR };
  }
  return isJsonObject(value) ? { ok: true, value } : { ok: false, errcode: WxErr.DATA_FORMAT_ERROR };
}

/**
 * A string field of a JSON body. Absent/empty → undefined (the caller reports "missing");
 * present with a non-string type → 47001, since WeChat fails to decode such a body.
 */
export function stringField(obj: JsonObject, key: string): Parsed<string | undefined> {
  const value = obj[key];
  if (value === undefined || value === null || value === '') return { ok: true, value: undefined };
  if (typeof value !== 'string') return { ok: false, errcode: WxErr.DATA_FORMAT_ERROR };
  return { ok: true, value };
}

/** Several string fields at once; the first badly typed one decides the errcode. */
export function stringFields<K extends string>(
  obj: JsonObject,
  keys: readonly K[],
): Parsed<Partial<Record<K, string>>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const field = stringField(obj, key);
    if (!field.ok) return field;
    if (field.value !== undefined) out[key] = field.value;
  }
  return { ok: true, value: out };
}

/** Query parameter, with empty treated as missing (WeChat reports `appid=` as missing too). */
export function queryParam(req: SimRequest, key: string): string | undefined {
  const value = req.query.get(key);
  return value === null || value === '' ? undefined : value;
}

/** "Missing" checks come before "invalid" checks, mirroring WeChat's parameter validation. */
export function requireCredential(
  appid: string | undefined,
  secret: string | undefined,
): Parsed<{ appid: string; secret: string }> {
  if (appid === undefined) return { ok: false, errcode: WxErr.APPID_MISSING };
  if (secret === undefined) return { ok: false, errcode: WxErr.APPSECRET_MISSING };
  return { ok: true, value: { appid, secret } };
}

/**
 * Unknown appid → 40013; wrong secret → `badSecretErrcode`, which differs per API:
 * 40125 for jscode2session and stable_token, 40001 for /cgi-bin/token (per their docs).
 */
export function verifyCredential(
  state: SimState,
  appid: string,
  secret: string,
  badSecretErrcode: number,
): number | null {
  const app = state.apps.get(appid);
  if (!app) return WxErr.INVALID_APPID;
  if (app.secret !== secret) return badSecretErrcode;
  return null;
}

/** The access_token of a business API call → the app it belongs to (41001 / 40001 / 42001 otherwise). */
export function requireToken(state: SimState, req: SimRequest): Parsed<string> {
  const accessToken = queryParam(req, 'access_token');
  if (accessToken === undefined) return { ok: false, errcode: WxErr.ACCESS_TOKEN_MISSING };
  const auth = state.tokens.check(accessToken, state.now());
  return auth.ok ? { ok: true, value: auth.appid } : { ok: false, errcode: auth.errcode };
}

/** An integer body field (WeChat also decodes numeric strings such as "2"); undefined when absent. */
export function intField(obj: JsonObject, key: string): Parsed<number | undefined> {
  const value = obj[key];
  if (value === undefined || value === null || value === '') return { ok: true, value: undefined };
  const num = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof num !== 'number' || !Number.isInteger(num)) return { ok: false, errcode: WxErr.DATA_FORMAT_ERROR };
  return { ok: true, value: num };
}
