// Shapes of what WeChat Pay v3 returns and what our client needs, for a JSAPI (mini-program) merchant.

export interface WechatPaySettings {
  mchid: string;
  appid: string;
  /** Serial of the merchant API certificate (signs our requests). */
  serialNo: string;
  privateKeyPem: string;
  apiV3Key: string;
  baseUrl: string;
  /** Where payment notifications go (TRANSACTION.*). */
  notifyUrl: string;
  /** Where refund notifications go (REFUND.*); unset: `refund` beside `notifyUrl` (…/wechatpay/refund). */
  refundNotifyUrl?: string;
  maxSkewSeconds: number;
  timeoutMs: number;
  /** Public-key mode (PUB_KEY_ID_…); absent: platform certificates downloaded from /v3/certificates. */
  publicKey?: { id: string; pem: string };
}

/** wx.requestPayment / Taro.requestPayment parameters. */
export interface JsapiPayParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

/** A transaction as the order query and the TRANSACTION.SUCCESS resource describe it. */
export interface WechatPayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: TradeState;
  trade_state_desc?: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid: string };
  amount: { total: number; payer_total?: number; currency?: string; payer_currency?: string };
}

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

/** A refund as the refund API answers it. */
export interface WechatPayRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id?: string;
  out_trade_no: string;
  status: RefundStatus;
  success_time?: string;
  create_time?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number; currency?: string };
}

/** The REFUND.* notification resource. */
export interface WechatPayRefundResource {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  refund_status: RefundStatus;
  success_time?: string;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number };
}
