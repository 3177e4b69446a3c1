// POST /__dev/request-payment: checks wx.requestPayment parameters as the WeChat client would before it
// opens the payment sheet (the H5 stand-in for Taro.requestPayment calls it), then points at the dev page.
import type { DevHandler } from './context';
import { rsaVerify } from './crypto';
import type { SimResponse } from './types';
import { parseJsonObject } from './validate';

function refuse(code: string, message: string): SimResponse {
  return { status: 400, body: { error: { code, message } }, unsigned: true };
}

/** `appId\ntimeStamp\nnonceStr\npackage\n`, signed RSA-SHA256 with the merchant's API private key. */
export function paySignMessage(p: { appId: string; timeStamp: string; nonceStr: string; package: string }): string {
  return `${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
}

export const requestPayment: DevHandler = (ctx, req) => {
  const parsed = parseJsonObject(req.body || '{}');
  if (!parsed.ok) return refuse('BAD_JSON', 'body must be a JSON object');
  const p = parsed.value;
  const fields = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const;
  for (const field of fields) {
    if (typeof p[field] !== 'string' || p[field] === '') return refuse('PARAM_MISSING', `${field} is required`);
  }
  const params = p as Record<(typeof fields)[number], string>;
  if (params.signType !== 'RSA') return refuse('BAD_SIGN_TYPE', 'signType must be RSA for APIv3');
  if (!/^\d{10}$/.test(params.timeStamp)) return refuse('BAD_TIMESTAMP', 'timeStamp must be seconds (10 digits)');
  const prepayId = /^prepay_id=(.+)$/.exec(params.package)?.[1];
  const order = prepayId ? ctx.state.ordersByPrepay.get(prepayId) : undefined;
  if (!order) return refuse('UNKNOWN_PREPAY_ID', 'package must be prepay_id=<an issued prepay_id>');
  if (order.appid !== params.appId) return refuse('APPID_MISMATCH', 'appId is not the appid of the order');
  const merchant = ctx.state.merchants.get(order.mchid);
  if (!merchant || !rsaVerify(paySignMessage(params), params.paySign, merchant.apiPublicKeyPem)) {
    return refuse('BAD_PAY_SIGN', 'paySign does not verify with the merchant API certificate');
  }
  const payPage = `/__dev/pay-page?prepay_id=${encodeURIComponent(order.prepayId)}`;
  return { status: 200, body: { ok: true, prepay_id: order.prepayId, pay_page: payPage }, unsigned: true };
};
