// POST /wxa/business/getuserphonenumber?access_token=… — getPhoneNumber.
import { WxErr } from './errors';
import type { SimState } from './state';
import type { SimRequest, SimResponse } from './types';
import { parseJsonBody, queryParam, stringFields, wxFail, wxOk } from './wx-helpers';

export function getUserPhoneNumber(state: SimState, req: SimRequest): SimResponse {
  const now = state.now();
  // The credential is checked before the body, as on any WeChat business API.
  const accessToken = queryParam(req, 'access_token');
  if (accessToken === undefined) return wxFail(state, WxErr.ACCESS_TOKEN_MISSING);
  const auth = state.tokens.check(accessToken, now);
  if (!auth.ok) return wxFail(state, auth.errcode);

  const parsed = parseJsonBody(req);
  if (!parsed.ok) return wxFail(state, parsed.errcode);
  const fields = stringFields(parsed.value, ['code'] as const);
  if (!fields.ok) return wxFail(state, fields.errcode);
  const code = fields.value.code;
  if (code === undefined) return wxFail(state, WxErr.CODE_MISSING);

  // Unknown, expired, already used, or issued to another app: WeChat answers 40029 for all.
  const redeemed = state.codes.redeemPhone(code, auth.appid, now);
  if (!redeemed.ok) return wxFail(state, WxErr.INVALID_CODE);

  const phone = redeemed.value;
  return wxOk({
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      // "phoneNumber: the bound number (foreign numbers carry the country code)".
      phoneNumber: phone.countryCode === '86' ? phone.purePhoneNumber : `+${phone.countryCode}${phone.purePhoneNumber}`,
      purePhoneNumber: phone.purePhoneNumber,
      // The field table types countryCode as string (the doc's example shows a number); clients
      // should accept both, the simulator sends the documented type.
      countryCode: phone.countryCode,
      watermark: { timestamp: Math.floor(phone.issuedAt / 1000), appid: phone.appid },
    },
  });
}
