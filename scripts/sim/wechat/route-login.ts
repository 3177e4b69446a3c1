// GET /sns/jscode2session — code2Session.
import { WxErr } from './errors';
import { simUnionid } from './identity';
import type { SimState } from './state';
import type { JsonObject, SimRequest, SimResponse } from './types';
import { queryParam, requireCredential, verifyCredential, wxFail, wxOk } from './wx-helpers';

export function jscode2session(state: SimState, req: SimRequest): SimResponse {
  // Parameters are read from the query string only, even on POST: WeChat does the same, which is
  // why clients that POST a form body get "41002 appid missing".
  const appid = queryParam(req, 'appid');
  const secret = queryParam(req, 'secret');
  const jsCode = queryParam(req, 'js_code');
  const grantType = queryParam(req, 'grant_type');

  const cred = requireCredential(appid, secret);
  if (!cred.ok) return wxFail(state, cred.errcode);
  if (jsCode === undefined) return wxFail(state, WxErr.CODE_MISSING);
  // The doc requires grant_type=authorization_code; reject a wrong value rather than ignore it.
  if (grantType !== undefined && grantType !== 'authorization_code') {
    return wxFail(state, WxErr.INVALID_GRANT_TYPE);
  }
  const invalid = verifyCredential(state, cred.value.appid, cred.value.secret, WxErr.INVALID_APPSECRET);
  if (invalid !== null) return wxFail(state, invalid);

  const redeemed = state.codes.redeemLogin(jsCode, cred.value.appid, state.now());
  if (!redeemed.ok) {
    return wxFail(state, redeemed.reason === 'used' ? WxErr.CODE_BEEN_USED : WxErr.INVALID_CODE);
  }

  const { openid, identity } = redeemed.value;
  // Success carries no errcode: WeChat stopped sending errcode:0 here (the doc's example is
  // older). Clients must treat "no errcode" as success.
  const body: JsonObject = {
    session_key: state.sessionKey(cred.value.appid, openid),
    openid,
  };
  const unionGroup = state.apps.get(cred.value.appid)?.unionGroup;
  if (unionGroup !== undefined) body.unionid = simUnionid(unionGroup, identity);
  return wxOk(body);
}
