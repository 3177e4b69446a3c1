import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { parseRefundNotification } from '../pay/notification';
import type { HeaderBag } from '../pay/wechat-pay-verifier';
import {
  failAnswer,
  receivedFields,
  refusalTable,
  refusedFields,
  type NotificationAnswer,
} from '../payments/notification-answers';
import { PaymentLedgerService } from '../payments/payment-ledger.service';
import { WechatPayProvider } from '../payments/wechat-pay.provider';
import { RefundSettlementService } from './refund-settlement.service';

const REFUSALS = refusalTable('不是退款通知');
const fail = failAnswer;

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
    const base = receivedFields(headers, rawBody);
    const parsed = await parseRefundNotification(this.wechatPay.client(), headers, rawBody);
    if (!parsed.ok) {
      const refusal = REFUSALS[parsed.reason];
      this.logger.warn('[dues] refund notification %s refused: %s', parsed.id ?? '-', parsed.reason);
      await this.ledger.record({ ...base, ...refusedFields(parsed, refusal.outcome) });
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
