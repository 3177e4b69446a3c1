// A thin typed wrapper over wechatpay-node-v3 (request signing and endpoint shapes) with our transport
// (base URL, answer signatures, typed errors) and our key sources (both modes). See docs/PAYMENTS.md.
import { createHash, randomBytes } from 'node:crypto';
import Pay from 'wechatpay-node-v3';
import { rsaSha256Sign } from './wechat-pay-crypto';
import { WechatPayBillHashError } from './wechat-pay-errors';
import { PlatformCertificateSource, PublicKeySource } from './wechat-pay-keys';
import { merchantAuthorization, WechatPayTransport, WECHATPAY_ORIGIN } from './wechat-pay-transport';
import type { HeaderBag, SignatureCheck, WechatPayKeySource } from './wechat-pay-verifier';
import { verifyWechatpaySignature } from './wechat-pay-verifier';
import type { JsapiPayParams, WechatPayRefund, WechatPaySettings, WechatPayTransaction } from './wechat-pay.types';

export interface ClientOptions {
  fetch?: typeof fetch;
  now?: () => number;
  /** Least time between two certificate downloads (platform-certificate mode). Default 60 s. */
  minCertRefreshMs?: number;
}

export class WechatPayClient {
  readonly keys: WechatPayKeySource;
  private readonly pay: Pay;
  private readonly transport: WechatPayTransport;
  private readonly now: () => number;

  constructor(
    readonly settings: WechatPaySettings,
    options: ClientOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.transport = new WechatPayTransport({
      baseUrl: settings.baseUrl,
      timeoutMs: settings.timeoutMs,
      maxSkewSeconds: settings.maxSkewSeconds,
      keys: () => this.keys,
      fetch: options.fetch,
      now: this.now,
    });
    this.keys = settings.publicKey
      ? new PublicKeySource(settings.publicKey.id, settings.publicKey.pem)
      : new PlatformCertificateSource({
          apiV3Key: settings.apiV3Key,
          maxSkewSeconds: settings.maxSkewSeconds,
          now: this.now,
          minRefreshMs: options.minCertRefreshMs,
          download: () => this.signedGetRaw('/v3/certificates'),
        });
    this.pay = new Pay({
      appid: settings.appid,
      mchid: settings.mchid,
      serial_no: settings.serialNo,
      // The library wants the merchant certificate only to read its serial; we pass the serial itself.
      publicKey: Buffer.from(settings.serialNo),
      privateKey: Buffer.from(settings.privateKeyPem),
      key: settings.apiV3Key,
    });
    this.pay.createHttp(this.transport.libraryService());
  }

  /** Checks a signed message (notification or answer) over its raw body with this merchant's keys. */
  verify(headers: HeaderBag, rawBody: string): Promise<SignatureCheck> {
    return verifyWechatpaySignature(headers, rawBody, this.keys, {
      maxSkewSeconds: this.settings.maxSkewSeconds,
      now: this.now,
    });
  }

  /** POST /v3/pay/transactions/jsapi → prepay_id. Amount, number and attach come from the bill, never a client. */
  async createJsapiOrder(input: {
    outTradeNo: string;
    description: string;
    amountFen: number;
    openid: string;
    attach?: string;
    expiresAt?: Date;
    notifyUrl?: string;
  }): Promise<string> {
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
      throw new Error('amountFen must be a positive integer');
    const result = await this.pay.transactions_jsapi({
      description: input.description,
      out_trade_no: input.outTradeNo,
      notify_url: input.notifyUrl ?? this.settings.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
      payer: { openid: input.openid },
      ...(input.attach ? { attach: input.attach } : {}),
      ...(input.expiresAt ? { time_expire: rfc3339Beijing(input.expiresAt) } : {}),
    });
    // The library replaces data with its own pay parameters; we only take the prepay id and sign our own.
    const pkg = (result.data as { package?: string } | undefined)?.package ?? '';
    if (!pkg.startsWith('prepay_id=')) throw new Error('WeChat Pay answered without a prepay_id');
    return pkg.slice('prepay_id='.length);
  }

  /** The parameters of wx.requestPayment / Taro.requestPayment, signed with the merchant key. */
  jsapiPayParams(prepayId: string): JsapiPayParams {
    const timeStamp = String(Math.floor(this.now() / 1000));
    const nonceStr = randomBytes(16).toString('hex');
    const pkg = `prepay_id=${prepayId}`;
    const paySign = rsaSha256Sign(
      `${this.settings.appid}\n${timeStamp}\n${nonceStr}\n${pkg}\n`,
      this.settings.privateKeyPem,
    );
    return { appId: this.settings.appid, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
  }

  /** GET /v3/pay/transactions/out-trade-no/{no}; unknown order → WechatPayApiError 404 ORDER_NOT_EXIST. */
  async queryByOutTradeNo(outTradeNo: string): Promise<WechatPayTransaction> {
    const result = await this.pay.query({ out_trade_no: orderNo(outTradeNo) });
    return result.data as WechatPayTransaction;
  }

  /** POST …/{no}/close: the unpaid order can no longer be paid. */
  async close(outTradeNo: string): Promise<void> {
    await this.pay.close(orderNo(outTradeNo));
  }

  /** POST /v3/refund/domestic/refunds (same out_refund_no and values again → the same refund). */
  async refund(input: {
    outTradeNo: string;
    outRefundNo: string;
    refundFen: number;
    totalFen: number;
    reason?: string;
    notifyUrl?: string;
  }): Promise<WechatPayRefund> {
    const result = await this.pay.refunds({
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(input.reason ? { reason: input.reason } : {}),
      // Refunds have their own callback: the payment callback refuses REFUND.* events.
      notify_url: input.notifyUrl ?? refundNotifyUrlOf(this.settings),
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    });
    return result.data as WechatPayRefund;
  }

  /** GET /v3/refund/domestic/refunds/{out_refund_no}. */
  async queryRefund(outRefundNo: string): Promise<WechatPayRefund> {
    const result = await this.pay.find_refunds(refundNo(outRefundNo));
    return result.data as WechatPayRefund;
  }

  /**
   * The trade bill of a Beijing day (YYYY-MM-DD): the signed answer names the file and its SHA1, the file
   * itself is unsigned, so its hash is the only thing that ties it to WeChat Pay. A mismatch throws.
   */
  async tradeBill(
    billDate: string,
    billType: 'ALL' | 'SUCCESS' | 'REFUND' = 'ALL',
  ): Promise<{ csv: string; sha1: string }> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(billDate)) throw new Error('billDate must be YYYY-MM-DD');
    const answer = await this.pay.tradebill({ bill_date: billDate, bill_type: billType });
    const { hash_type, hash_value, download_url } = answer.data as {
      hash_type: string;
      hash_value: string;
      download_url: string;
    };
    if (hash_type !== 'SHA1') throw new Error(`unexpected bill hash type ${hash_type}`);
    const file = await this.pay.downloadBill(download_url);
    const csv = String(file.data);
    const actual = createHash('sha1').update(csv, 'utf8').digest('hex');
    if (actual.toLowerCase() !== String(hash_value).toLowerCase()) throw new WechatPayBillHashError(hash_value, actual);
    return { csv, sha1: actual };
  }

  /** A signed GET answered raw (its signature is checked by the caller: the certificate source). */
  private signedGetRaw(pathAndQuery: string) {
    const authorization = merchantAuthorization({
      mchid: this.settings.mchid,
      serialNo: this.settings.serialNo,
      privateKeyPem: this.settings.privateKeyPem,
      method: 'GET',
      pathAndQuery,
      body: '',
      nowMs: this.now(),
    });
    return this.transport.exchange('GET', `${WECHATPAY_ORIGIN}${pathAndQuery}`, {
      Authorization: authorization,
      'User-Agent': 'zhili-bff',
    });
  }
}

/** Out trade numbers go into signed URL paths: only WeChat Pay's own alphabet, so nothing needs escaping. */
function orderNo(value: string): string {
  if (!/^[A-Za-z0-9_\-|*]{6,32}$/.test(value)) throw new Error('out_trade_no must be 6-32 of A-Z a-z 0-9 _ - | *');
  return value;
}

function refundNo(value: string): string {
  if (!/^[A-Za-z0-9_\-|*@]{1,64}$/.test(value)) throw new Error('out_refund_no must be 1-64 of A-Z a-z 0-9 _ - | * @');
  return value;
}

/** RFC 3339 with +08:00, the form WeChat Pay expects for time_expire. */
export function rfc3339Beijing(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** The refund callback: configured, or `refund` beside the payment callback (`…/wechatpay/payment` → `…/refund`). */
export function refundNotifyUrlOf(settings: Pick<WechatPaySettings, 'notifyUrl' | 'refundNotifyUrl'>): string {
  return settings.refundNotifyUrl ?? new URL('refund', settings.notifyUrl).toString();
}
