// GET /v3/certificates (platform certificate mode): every valid platform certificate, encrypted with
// the caller's APIv3 key. In public-key mode there is no certificate to download.
import type { PayHandler } from './context';
import { encryptResource } from './crypto';
import { payError } from './errors';
import { rfc3339 } from './ids';

export const certificates: PayHandler = (ctx, _req, merchant) => {
  if (ctx.state.mode === 'publicKey') {
    return payError('NOT_FOUND', '商户已使用微信支付公钥验签，没有可下载的平台证书');
  }
  const now = ctx.state.now();
  const data = ctx.state.platformKeys
    .filter((key) => key.certPem && key.expiresAt > now)
    .map((key) => ({
      serial_no: key.serial,
      effective_time: rfc3339(key.effectiveAt),
      expire_time: rfc3339(key.expiresAt),
      encrypt_certificate: encryptResource(key.certPem ?? '', merchant.apiV3Key, 'certificate'),
    }));
  return { status: 200, body: { data } };
};
