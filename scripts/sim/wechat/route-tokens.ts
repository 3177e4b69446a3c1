// POST /cgi-bin/stable_token (getStableAccessToken) and GET /cgi-bin/token (getAccessToken).
import { WxErr } from './errors';
import type { SimState } from './state';
import type { SimRequest, SimResponse } from './types';
import {
  parseJsonBody,
  queryParam,
  requireCredential,
  stringFields,
  verifyCredential,
  wxFail,
  wxOk,
} from './wx-helpers';

export function stableToken(state: SimState, req: SimRequest): SimResponse {
  // POST JSON only (doc); the query string is ignored.
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return wxFail(state, parsed.errcode);
  const body = parsed.value;

  const fields = stringFields(body, ['grant_type', 'appid', 'secret'] as const);
  if (!fields.ok) return wxFail(state, fields.errcode);
  const { grant_type: grantType, appid, secret } = fields.value;

  const forceRefresh = body.force_refresh;
  if (forceRefresh !== undefined && forceRefresh !== null && typeof forceRefresh !== 'boolean') {
    return wxFail(state, WxErr.DATA_FORMAT_ERROR);
  }

  if (grantType !== 'client_credential') return wxFail(state, WxErr.INVALID_GRANT_TYPE);
  const cred = requireCredential(appid, secret);
  if (!cred.ok) return wxFail(state, cred.errcode);
  const invalid = verifyCredential(state, cred.value.appid, cred.value.secret, WxErr.INVALID_APPSECRET);
  if (invalid !== null) return wxFail(state, invalid);

  const issued = state.tokens.stable(cred.value.appid, forceRefresh === true, state.now());
  if ('errcode' in issued) return wxFail(state, issued.errcode);
  return wxOk({ access_token: issued.access_token, expires_in: issued.expires_in });
}

export function legacyToken(state: SimState, req: SimRequest): SimResponse {
  if (queryParam(req, 'grant_type') !== 'client_credential') {
    return wxFail(state, WxErr.INVALID_GRANT_TYPE);
  }
  const cred = requireCredential(queryParam(req, 'appid'), queryParam(req, 'secret'));
  if (!cred.ok) return wxFail(state, cred.errcode);
  // getAccessToken documents 40001 ("AppSecret错误") for a wrong secret, unlike the other APIs.
  const invalid = verifyCredential(state, cred.value.appid, cred.value.secret, WxErr.INVALID_CREDENTIAL);
  if (invalid !== null) return wxFail(state, invalid);

  const issued = state.tokens.legacy(cred.value.appid, state.now());
  if ('errcode' in issued) return wxFail(state, issued.errcode);
  return wxOk({ access_token: issued.access_token, expires_in: issued.expires_in });
}
