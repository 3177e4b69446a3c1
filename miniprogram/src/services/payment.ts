import Taro from '@tarojs/taro';
import type { RequestPaymentVO } from '@zhili/shared/client';

/**
 * What the payment sheet reported. It is only a hint: whatever it says, the page asks the BFF for
 * the order (GET /api/mp/dues/orders/:no) — the client never decides that something is paid.
 * - `submitted`: the sheet closed after the user paid (WeChat's success callback);
 * - `cancelled`: the user closed the sheet;
 * - `failed`: the sheet did not open or refused the parameters (`message` says why);
 * - `left`: the page itself is being left for the payment page (h5); the answer comes on return.
 */
export type PaymentSheetResult =
  { kind: 'submitted' } | { kind: 'cancelled' } | { kind: 'failed'; message: string } | { kind: 'left' };

export interface PaymentSheetContext {
  outTradeNo: string;
  /** Page path (with query) to come back to after an h5 payment page; unused in WeChat. */
  returnPath: string;
}

/** WeChat's own wording of a cancelled sheet (`requestPayment:fail cancel`). */
export function isCancelErrMsg(errMsg: unknown): boolean {
  return typeof errMsg === 'string' && /cancel/i.test(errMsg);
}

/**
 * Opens WeChat's payment sheet with the parameters the BFF signed. Taro resolves payment.h5.ts
 * instead of this file in h5 builds.
 */
export async function openPaymentSheet(
  params: RequestPaymentVO,
  _context: PaymentSheetContext,
): Promise<PaymentSheetResult> {
  try {
    await Taro.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType,
      paySign: params.paySign,
    });
    return { kind: 'submitted' };
  } catch (error) {
    const errMsg = (error as { errMsg?: unknown } | null)?.errMsg;
    if (isCancelErrMsg(errMsg)) return { kind: 'cancelled' };
    return { kind: 'failed', message: '微信支付没有打开，请稍后重试' };
  }
}
