// Checks the merchant's request signature as WeChat Pay does before anything else: a missing, malformed,
// stale or wrong Authorization header is refused with 401 SIGN_ERROR.
import { parseAuthorization, requestMessage, rsaVerify } from './crypto';
import { payError } from './errors';
import type { PayState, ResolvedMerchant } from './state';
import type { SimRequest, SimResponse } from './types';

export function authenticate(
  state: PayState,
  req: SimRequest,
  maxSkewSeconds: number,
): { ok: true; merchant: ResolvedMerchant } | { ok: false; error: SimResponse } {
  const raw = req.headers.authorization;
  const auth = parseAuthorization(Array.isArray(raw) ? raw[0] : raw);
  if (!auth)
    return {
      ok: false,
      error: payError('SIGN_ERROR', 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》'),
    };
  const merchant = state.merchants.get(auth.mchid);
  if (!merchant) return { ok: false, error: payError('SIGN_ERROR', '商户号不存在或未开通APIv3') };
  if (auth.serial_no.toUpperCase() !== merchant.apiSerialNo) {
    return { ok: false, error: payError('SIGN_ERROR', '商户证书序列号有误。请使用签名私钥匹配的证书序列号') };
  }
  const timestamp = Number(auth.timestamp);
  if (!/^\d{10}$/.test(auth.timestamp) || Math.abs(state.now() / 1000 - timestamp) > maxSkewSeconds) {
    return { ok: false, error: payError('SIGN_ERROR', '签名时间戳与当前时间相差过大') };
  }
  const message = requestMessage(req.method, req.target, auth.timestamp, auth.nonce_str, req.body);
  if (!rsaVerify(message, auth.signature, merchant.apiPublicKeyPem)) {
    return { ok: false, error: payError('SIGN_ERROR', '签名错误，请检查后再试') };
  }
  return { ok: true, merchant };
}
