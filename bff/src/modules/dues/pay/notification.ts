// Payment and refund notifications: the signature over the RAW body is checked before the body is even
// parsed, then the resource is decrypted (AEAD_AES_256_GCM, APIv3 key) and checked against this merchant.
// Every outcome is a value, never an exception: the route records it and answers WeChat Pay accordingly
// (a refusal → 4xx/5xx so WeChat Pay retries; an accepted one → 200/204 once applied).
import { decryptAeadAes256Gcm, type EncryptedResource } from './wechat-pay-crypto';
import type { HeaderBag, SignatureRefusal } from './wechat-pay-verifier';
import type { WechatPayClient } from './wechat-pay.client';
import type { WechatPayRefundResource, WechatPayTransaction } from './wechat-pay.types';

export type NotificationRefusal =
  SignatureRefusal | 'malformed' | 'unexpected-event' | 'decrypt-failed' | 'wrong-mchid' | 'wrong-appid';

export interface NotificationEnvelope {
  id: string;
  create_time?: string;
  event_type: string;
  resource_type?: string;
  summary?: string;
  resource: EncryptedResource & { original_type?: string };
}

export type Parsed<T> =
  | { ok: true; id: string; eventType: string; serial: string; resource: T }
  | { ok: false; reason: NotificationRefusal; id?: string; eventType?: string };

/** What the parser needs of the merchant: its identity and signature check (a WechatPayClient has both). */
export type NotificationVerifier = Pick<WechatPayClient, 'verify'> & {
  settings: Pick<WechatPayClient['settings'], 'mchid' | 'appid' | 'apiV3Key'>;
};

async function open(
  merchant: NotificationVerifier,
  headers: HeaderBag,
  rawBody: string,
  events: RegExp,
  associatedData: string,
): Promise<Parsed<Record<string, unknown>>> {
  const check = await merchant.verify(headers, rawBody);
  if (!check.ok) return { ok: false, reason: check.reason };
  let envelope: NotificationEnvelope;
  try {
    envelope = JSON.parse(rawBody) as NotificationEnvelope;
    if (typeof envelope.id !== 'string' || typeof envelope.event_type !== 'string' || !envelope.resource) {
      return { ok: false, reason: 'malformed' };
    }
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const { id, event_type: eventType } = envelope;
  if (!events.test(eventType) || (envelope.resource.associated_data ?? associatedData) !== associatedData) {
    return { ok: false, reason: 'unexpected-event', id, eventType };
  }
  let resource: Record<string, unknown>;
  try {
    resource = JSON.parse(decryptAeadAes256Gcm(envelope.resource, merchant.settings.apiV3Key)) as Record<
      string,
      unknown
    >;
  } catch {
    return { ok: false, reason: 'decrypt-failed', id, eventType };
  }
  if (resource.mchid !== merchant.settings.mchid) return { ok: false, reason: 'wrong-mchid', id, eventType };
  return { ok: true, id, eventType, serial: check.serial, resource };
}

/**
 * A TRANSACTION.* notification → the transaction (trade_state, amounts, out_trade_no…). The caller still
 * checks amount and order against its own bill before marking anything paid.
 */
export async function parsePaymentNotification(
  merchant: NotificationVerifier,
  headers: HeaderBag,
  rawBody: string,
): Promise<Parsed<WechatPayTransaction>> {
  const opened = await open(merchant, headers, rawBody, /^TRANSACTION\./, 'transaction');
  if (!opened.ok) return opened;
  const t = opened.resource;
  const amount = t.amount as { total?: unknown } | undefined;
  if (typeof t.out_trade_no !== 'string' || typeof t.trade_state !== 'string' || !Number.isSafeInteger(amount?.total)) {
    return { ok: false, reason: 'malformed', id: opened.id, eventType: opened.eventType };
  }
  if (t.appid !== merchant.settings.appid) {
    return { ok: false, reason: 'wrong-appid', id: opened.id, eventType: opened.eventType };
  }
  return { ...opened, resource: t as unknown as WechatPayTransaction };
}

/** A REFUND.* notification (SUCCESS, ABNORMAL, CLOSED) → the refund. */
export async function parseRefundNotification(
  merchant: NotificationVerifier,
  headers: HeaderBag,
  rawBody: string,
): Promise<Parsed<WechatPayRefundResource>> {
  const opened = await open(merchant, headers, rawBody, /^REFUND\./, 'refund');
  if (!opened.ok) return opened;
  const r = opened.resource;
  if (
    typeof r.out_refund_no !== 'string' ||
    typeof r.refund_status !== 'string' ||
    typeof r.out_trade_no !== 'string'
  ) {
    return { ok: false, reason: 'malformed', id: opened.id, eventType: opened.eventType };
  }
  return { ...opened, resource: r as unknown as WechatPayRefundResource };
}

/** The body WeChat Pay expects on a refused notification (it retries on any non-2xx). */
export function notificationFailureBody(reason: NotificationRefusal): { code: 'FAIL'; message: string } {
  return { code: 'FAIL', message: reason };
}
