import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { HeaderBag } from '../pay/wechat-pay-verifier';
import { parsePaymentNotification } from '../pay/notification';
import {
  failAnswer,
  receivedFields,
  refusalTable,
  refusedFields,
  type NotificationAnswer,
} from './notification-answers';
import { PaymentLedgerService } from './payment-ledger.service';
import { WechatPayProvider } from './wechat-pay.provider';

export type { NotificationAnswer } from './notification-answers';

const REFUSALS = refusalTable('不是支付通知');
const fail = failAnswer;

/**
 * POST /api/callbacks/wechatpay/payment: signature over the raw body first (pay/notification.ts),
 * then the ledger applies it exactly once; every notification is recorded with its outcome.
 *
 * Answers (docs/PAYMENTS.md): not proven to come from WeChat Pay (signature, timestamp, format) →
 * 4xx FAIL; applied, duplicate, not SUCCESS → 204; genuine but refused on content (wrong amount,
 * unknown order, other merchant) → 204 as well, because a retry carries the same content and can never
 * be accepted: it is recorded, logged at error level, a wrong amount audited, and a person settles it
 * (the order stays unpaid and the reconciliation lists the difference); our own failure (database,
 * lock) → 500 FAIL, so WeChat Pay retries and the retry completes it.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PaymentNotificationService {
  @Inject()
  private wechatPay!: WechatPayProvider;

  @Inject()
  private ledger!: PaymentLedgerService;

  @Logger()
  private logger!: ILogger;

  async receive(headers: HeaderBag, rawBody: string): Promise<NotificationAnswer> {
    const client = this.wechatPay.client();
    const base = receivedFields(headers, rawBody);
    const parsed = await parsePaymentNotification(client, headers, rawBody);
    if (!parsed.ok) {
      const refusal = REFUSALS[parsed.reason];
      const log = refusal.outcome === 'merchant_mismatch' ? 'error' : 'warn';
      this.logger[log]('[dues] payment notification %s refused: %s', parsed.id ?? '-', parsed.reason);
      await this.ledger.record({ ...base, ...refusedFields(parsed, refusal.outcome) });
      return refusal.answer;
    }
    const t = parsed.resource;
    const known = {
      ...base,
      notificationId: parsed.id.slice(0, 64),
      eventType: parsed.eventType.slice(0, 40),
      outTradeNo: t.out_trade_no.slice(0, 32),
      transactionId: t.transaction_id?.slice(0, 32) ?? null,
      amountFen: t.amount.total,
    };
    try {
      const result = await this.ledger.apply(client.settings, t, 'notify');
      if (result.outcome === 'unknown_order')
        this.logger.error('[dues] notification for unknown order %s', t.out_trade_no);
      await this.ledger.record({ ...known, outcome: result.outcome, detail: result.detail ?? null });
      return { status: 204 };
    } catch (err) {
      this.logger.error(
        '[dues] notification %s for %s not applied: %s',
        parsed.id,
        t.out_trade_no,
        (err as Error).message,
      );
      await this.ledger.record({ ...known, outcome: 'failed', detail: (err as Error).message });
      return fail(500, '处理失败，请重试');
    }
  }
}
