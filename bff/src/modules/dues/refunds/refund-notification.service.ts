import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { createHash } from 'node:crypto';
import { parseRefundNotification, type NotificationRefusal } from '../pay/notification';
import { headerValue, type HeaderBag } from '../pay/wechat-pay-verifier';
import type { PayNotificationOutcome } from '../payments/pay-notification.entity';
import type { NotificationAnswer } from '../payments/payment-notification.service';
import { PaymentLedgerService } from '../payments/payment-ledger.service';
import { WechatPayProvider } from '../payments/wechat-pay.provider';
import { RefundSettlementService } from './refund-settlement.service';

const fail = (status: 400 | 401 | 500 | 503, message: string): NotificationAnswer => ({
  status,
  body: { code: 'FAIL', message },
});

/** Refusals of the parser → what is recorded and what WeChat Pay is told (as for payment notifications). */
const REFUSALS: Record<NotificationRefusal, { outcome: PayNotificationOutcome; answer: NotificationAnswer }> = {
  'missing-headers': { outcome: 'bad_signature', answer: fail(401, '签名缺失') },
  signtest: { outcome: 'bad_signature', answer: fail(401, '签名探测') },
  'unknown-serial': { outcome: 'bad_signature', answer: fail(401, '未知的平台证书或公钥序列号') },
  'bad-signature': { outcome: 'bad_signature', answer: fail(401, '签名错误') },
  stale: { outcome: 'stale', answer: fail(401, '时间戳超出允许范围') },
  malformed: { outcome: 'malformed', answer: fail(400, '通知格式错误') },
  'unexpected-event': { outcome: 'malformed', answer: fail(400, '不是退款通知') },
  'decrypt-failed': { outcome: 'malformed', answer: fail(400, '解密失败') },
  // Genuine, but for another merchant: a retry carries the same content, so acknowledge and log it.
  'wrong-mchid': { outcome: 'merchant_mismatch', answer: { status: 204 } },
  'wrong-appid': { outcome: 'merchant_mismatch', answer: { status: 204 } },
};

/**
 * POST /api/callbacks/wechatpay/refund: the signature over the raw body first (pay/notification.ts),
 * then decrypt, then RefundSettlementService applies it once (refund number and amount must match ours).
 * Every notification is recorded in pay_notification beside the payment ones. Answers: not proven to be
 * WeChat Pay's → 4xx FAIL; applied, duplicate, or genuine but not ours (unknown refund, other amount:
 * a retry would say the same; logged at error level and listed by the reconciliation) → 204; our own
 * failure → 500 FAIL, so WeChat Pay retries.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RefundNotificationService {
  @Inject()
  private wechatPay!: WechatPayProvider;

  @Inject()
  private ledger!: PaymentLedgerService;

  @Inject()
  private settlement!: RefundSettlementService;

  @Logger()
  private logger!: ILogger;

  async receive(headers: HeaderBag, rawBody: string): Promise<NotificationAnswer> {
    if (!this.wechatPay.enabled) return fail(503, '未开通微信支付');
    const base = {
      source: 'notify' as const,
      receivedAt: new Date().toISOString(),
      serial: headerValue(headers, 'wechatpay-serial')?.slice(0, 64) ?? null,
      bodySha256: createHash('sha256').update(rawBody, 'utf8').digest('hex'),
    };
    const parsed = await parseRefundNotification(this.wechatPay.client(), headers, rawBody);
    if (!parsed.ok) {
      const refusal = REFUSALS[parsed.reason];
      this.logger.warn('[dues] refund notification %s refused: %s', parsed.id ?? '-', parsed.reason);
      await this.ledger.record({
        ...base,
        notificationId: parsed.id?.slice(0, 64) ?? null,
        eventType: parsed.eventType?.slice(0, 40) ?? null,
        outcome: refusal.outcome,
        detail: parsed.reason,
        outTradeNo: null,
        transactionId: null,
        amountFen: null,
      });
      return refusal.answer;
    }
    const r = parsed.resource;
    const known = {
      ...base,
      notificationId: parsed.id.slice(0, 64),
      eventType: parsed.eventType.slice(0, 40),
      outTradeNo: r.out_trade_no.slice(0, 32),
      transactionId: r.transaction_id?.slice(0, 32) ?? null,
      amountFen: Number.isSafeInteger(r.amount?.refund) ? r.amount.refund : null,
    };
    if (known.amountFen === null) {
      await this.ledger.record({ ...known, outcome: 'malformed', detail: 'amount.refund missing' });
      return fail(400, '通知格式错误');
    }
    try {
      const result = await this.settlement.settle({
        outRefundNo: r.out_refund_no,
        outTradeNo: r.out_trade_no,
        status: r.refund_status,
        refundId: r.refund_id ?? null,
        successTime: r.success_time ?? null,
        refundFen: known.amountFen,
      });
      await this.ledger.record({
        ...known,
        outcome: result.outcome,
        detail: `${r.out_refund_no} ${result.detail ?? r.refund_status}`,
      });
      return { status: 204 };
    } catch (err) {
      this.logger.error('[dues] refund notification %s not applied: %s', parsed.id, (err as Error).message);
      await this.ledger.record({ ...known, outcome: 'failed', detail: (err as Error).message });
      return fail(500, '处理失败，请重试');
    }
  }
}
