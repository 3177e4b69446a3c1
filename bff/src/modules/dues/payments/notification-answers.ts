import type { Context } from '@midwayjs/koa';
import { createHash } from 'node:crypto';
import { headerValue, type HeaderBag } from '../pay/wechat-pay-verifier';
import type { NotificationRefusal } from '../pay/notification';
import type { PayNotificationOutcome } from './pay-notification.entity';

/** The answer WeChat Pay gets: 204 without a body stops its retries; anything else is retried. */
export type NotificationAnswer =
  { status: 204 } | { status: 400 | 401 | 500 | 503; body: { code: 'FAIL'; message: string } };

export const failAnswer = (status: 400 | 401 | 500 | 503, message: string): NotificationAnswer => ({
  status,
  body: { code: 'FAIL', message },
});

export type RefusalTable = Record<NotificationRefusal, { outcome: PayNotificationOutcome; answer: NotificationAnswer }>;

/**
 * Refusals of the notification parser → what is recorded and what WeChat Pay is told, the same for
 * payment and refund notifications (`unexpected` is the message for an event of the other kind).
 */
export function refusalTable(unexpected: string): RefusalTable {
  return {
    'missing-headers': { outcome: 'bad_signature', answer: failAnswer(401, '签名缺失') },
    signtest: { outcome: 'bad_signature', answer: failAnswer(401, '签名探测') },
    'unknown-serial': { outcome: 'bad_signature', answer: failAnswer(401, '未知的平台证书或公钥序列号') },
    'bad-signature': { outcome: 'bad_signature', answer: failAnswer(401, '签名错误') },
    stale: { outcome: 'stale', answer: failAnswer(401, '时间戳超出允许范围') },
    malformed: { outcome: 'malformed', answer: failAnswer(400, '通知格式错误') },
    'unexpected-event': { outcome: 'malformed', answer: failAnswer(400, unexpected) },
    'decrypt-failed': { outcome: 'malformed', answer: failAnswer(400, '解密失败') },
    // Signed by WeChat Pay and decrypted with our key, but for another merchant or mini-program: a retry
    // carries the same content, so it is acknowledged, recorded and logged as an error for a person.
    'wrong-mchid': { outcome: 'merchant_mismatch', answer: { status: 204 } },
    'wrong-appid': { outcome: 'merchant_mismatch', answer: { status: 204 } },
  };
}

/**
 * Sends the answer. The contract's 204 is applied by Midway after the handler returns (HttpCode) and
 * would turn a refusal into a success that stops WeChat Pay's retries, so a refusal is written to the
 * response directly.
 */
export function sendAnswer(ctx: Context, answer: NotificationAnswer): undefined {
  if (answer.status === 204) return undefined;
  ctx.respond = false;
  ctx.res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' });
  ctx.res.end(JSON.stringify(answer.body));
  return undefined;
}

/** What every notification's record carries, known before any parsing: when, which key, which bytes. */
export function receivedFields(headers: HeaderBag, rawBody: string) {
  return {
    source: 'notify' as const,
    receivedAt: new Date().toISOString(),
    serial: headerValue(headers, 'wechatpay-serial')?.slice(0, 64) ?? null,
    bodySha256: createHash('sha256').update(rawBody, 'utf8').digest('hex'),
  };
}

/** The record of a notification the parser refused (nothing about an order is trusted from it). */
export function refusedFields(
  refused: { reason: NotificationRefusal; id?: string; eventType?: string },
  outcome: PayNotificationOutcome,
) {
  return {
    notificationId: refused.id?.slice(0, 64) ?? null,
    eventType: refused.eventType?.slice(0, 40) ?? null,
    outcome,
    detail: refused.reason,
    outTradeNo: null,
    transactionId: null,
    amountFen: null,
  };
}
