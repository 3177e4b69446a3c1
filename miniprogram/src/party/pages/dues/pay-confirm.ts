import type { MpPayOrderVO } from '@zhili/shared/client';
import { isAppError, NETWORK_ERROR_MESSAGE } from '../../../services/errors';
import type { PaymentSheetResult } from '../../../services/payment';

/**
 * After the payment sheet: what the member is told. Decided by the BFF's answer for the order, never
 * by the sheet alone — a sheet can report success for money that never arrived, and a member can pay
 * and then close the sheet before WeChat calls back.
 */
export type PayConfirmation =
  | { kind: 'paid'; order: MpPayOrderVO }
  /** Not paid and the member closed the sheet (or came back without paying): no alarm, pay again. */
  | { kind: 'cancelled' }
  /** The sheet reported success but WeChat Pay has not confirmed yet: the BFF keeps asking it. */
  | { kind: 'pending'; message: string }
  /** The order can no longer be paid (expired or replaced). */
  | { kind: 'closed' }
  | { kind: 'failed'; message: string };

/** How the sheet closed, plus h5's "came back from the payment page" (`returned`). */
export type SheetOutcome = Exclude<PaymentSheetResult['kind'], 'left'> | 'returned';

export interface ConfirmOptions {
  fetchOrder: (outTradeNo: string) => Promise<MpPayOrderVO>;
  wait: (ms: number) => Promise<void>;
  /** Called before each ask after the first, so the page can keep saying 正在确认… */
  onAttempt?: (attempt: number) => void;
}

/** Asks per outcome: a reported success is worth waiting for; a cancel needs one look (it may have been paid). */
export const CONFIRM_ATTEMPTS: Record<SheetOutcome, number> = { submitted: 8, returned: 3, cancelled: 1, failed: 1 };
/** Pause before the n-th ask (n ≥ 1): 1 s, then 1.5 s, 2 s … capped at 3 s. */
export const confirmDelayMs = (attempt: number): number => Math.min(1000 + (attempt - 1) * 500, 3000);

export const PENDING_MESSAGE = '支付结果确认中：如已付款，稍后会自动入账，请稍后下拉刷新查看';
export const OFFLINE_PENDING_MESSAGE = `${NETWORK_ERROR_MESSAGE}，暂时无法确认支付结果；恢复网络后下拉刷新查看`;

function notPaid(outcome: SheetOutcome, order: MpPayOrderVO | null, failure: string | null): PayConfirmation {
  if (order?.status === 'closed') return { kind: 'closed' };
  if (outcome === 'submitted') return { kind: 'pending', message: failure ?? PENDING_MESSAGE };
  if (outcome === 'failed') return { kind: 'failed', message: failure ?? '支付没有完成，请稍后重试' };
  // cancelled, or back from the h5 payment page with an unpaid order
  return failure ? { kind: 'pending', message: failure } : { kind: 'cancelled' };
}

/**
 * Asks the BFF for the order until it is paid or the outcome's attempts run out. The BFF queries
 * WeChat Pay itself while the order is still open, so a late notification does not leave it unpaid.
 */
export async function confirmPayment(
  outTradeNo: string,
  outcome: SheetOutcome,
  { fetchOrder, wait, onAttempt }: ConfirmOptions,
): Promise<PayConfirmation> {
  let last: MpPayOrderVO | null = null;
  let failure: string | null = null;
  const attempts = CONFIRM_ATTEMPTS[outcome];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (attempt > 0) {
      onAttempt?.(attempt);
      await wait(confirmDelayMs(attempt));
    }
    try {
      last = await fetchOrder(outTradeNo);
      failure = null;
    } catch (error) {
      failure =
        isAppError(error) && error.message === NETWORK_ERROR_MESSAGE
          ? OFFLINE_PENDING_MESSAGE
          : isAppError(error)
            ? error.message
            : '暂时无法确认支付结果，请稍后下拉刷新查看';
      continue;
    }
    if (last.status === 'paid' || last.status === 'refunded') return { kind: 'paid', order: last };
    if (last.status === 'closed') break;
  }
  return notPaid(outcome, last, failure);
}

/** Where the 缴纳党费 button's flow is, from the tap to the BFF's word. */
export type PayState =
  | { kind: 'idle' }
  | { kind: 'creating' }
  /** h5: on the way to the simulator's payment page. */
  | { kind: 'leaving' }
  | { kind: 'confirming' }
  /** WeChat Pay is not configured for the town (503): the branch takes cash. */
  | { kind: 'unavailable' }
  | PayConfirmation;

export const UNAVAILABLE_MESSAGE = '暂未开通微信支付，请向支部缴纳现金';

/** Whether the flow is running, so the button waits. */
export const payBusy = (state: PayState): boolean =>
  state.kind === 'creating' || state.kind === 'leaving' || state.kind === 'confirming';

/** A failed order request in the member's words: 503 means payments are not open here. */
export function orderFailure(error: unknown): PayState {
  if (isAppError(error) && error.status === 503) return { kind: 'unavailable' };
  if (isAppError(error)) return { kind: 'failed', message: error.message };
  return { kind: 'failed', message: '下单没有成功，请稍后重试' };
}

/** The line under the button; null when there is nothing to say. */
export function payStatusLine(
  state: PayState,
  format: { yuan: (fen: number) => string; time: (iso: string) => string },
): { tone: 'info' | 'success' | 'warning' | 'error'; text: string } | null {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'creating':
      return { tone: 'info', text: '正在下单…' };
    case 'leaving':
      return { tone: 'info', text: '正在打开支付页面…' };
    case 'confirming':
      return { tone: 'info', text: '正在确认…' };
    case 'paid': {
      const when = state.order.paidAt ? `，支付时间 ${format.time(state.order.paidAt)}` : '';
      return { tone: 'success', text: `已缴 ${format.yuan(state.order.amountFen)}${when}` };
    }
    case 'cancelled':
      return { tone: 'info', text: '已取消，可重新缴纳' };
    case 'pending':
      return { tone: 'warning', text: state.message };
    case 'closed':
      return { tone: 'warning', text: '订单已过期，请重新缴纳' };
    case 'unavailable':
      return { tone: 'warning', text: UNAVAILABLE_MESSAGE };
    case 'failed':
      return { tone: 'error', text: state.message };
  }
}
