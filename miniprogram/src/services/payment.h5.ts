import Taro from '@tarojs/taro';
import type { RequestPaymentVO } from '@zhili/shared/client';
import type { PaymentSheetContext, PaymentSheetResult } from './payment';

export type { PaymentSheetContext, PaymentSheetResult } from './payment';
export { isCancelErrMsg } from './payment';

/**
 * h5 has no WeChat payment sheet. In the dev-login build (e2e, demo) the WeChat Pay simulator stands
 * in for it: `POST /__dev/request-payment` checks the signed parameters exactly as the WeChat client
 * would, then the browser goes to the simulator's payment page (确认支付 / 取消), which comes back to
 * `returnPath`. The page learns the outcome there, from the BFF. A plain h5 build cannot pay.
 */

/** localStorage key pointing the stand-in at a WeChat Pay simulator on another origin (e2e tests set it). */
export const PAY_SIM_URL_OVERRIDE_KEY = 'zhili.dev.wechatPaySimUrl';
/** The simulator's port under `npm start` (scripts/sim/wechatpay, WECHATPAY_SIM_PORT). */
const DEFAULT_PAY_SIM_PORT = 7005;

export function paySimulatorBase(): string {
  const override = window.localStorage.getItem(PAY_SIM_URL_OVERRIDE_KEY);
  if (override) return override.replace(/\/+$/, '');
  return `${window.location.protocol}//${window.location.hostname}:${DEFAULT_PAY_SIM_PORT}`;
}

/** The h5 address of a page path (`/party/pages/dues/index?order=…`) under the hash router. */
export function h5PageUrl(path: string): string {
  return `${window.location.origin}${window.location.pathname}#${path}`;
}

/** The simulator's refusal in words a member can act on (its codes: see scripts/sim/wechatpay/README.md). */
function refusalMessage(code: unknown): string {
  if (code === 'UNKNOWN_PREPAY_ID') return '订单已失效，请重新缴纳';
  return '支付参数校验未通过，请稍后重试';
}

export async function openPaymentSheet(
  params: RequestPaymentVO,
  context: PaymentSheetContext,
): Promise<PaymentSheetResult> {
  if (!ZHILI_DEV_LOGIN) return { kind: 'failed', message: '浏览器中无法使用微信支付，请在微信小程序中缴纳' };
  const base = paySimulatorBase();
  let res: Taro.request.SuccessCallbackResult<{ pay_page?: unknown; error?: { code?: unknown } }>;
  try {
    res = await Taro.request<{ pay_page?: unknown; error?: { code?: unknown } }>({
      url: `${base}/__dev/request-payment`,
      method: 'POST',
      data: params,
      header: { 'Content-Type': 'application/json' },
      dataType: 'json',
    });
  } catch {
    return { kind: 'failed', message: '微信支付（模拟）未连接，请稍后重试' };
  }
  const payPage = res.statusCode === 200 ? res.data?.pay_page : undefined;
  if (typeof payPage !== 'string') return { kind: 'failed', message: refusalMessage(res.data?.error?.code) };
  const returnUrl = h5PageUrl(context.returnPath);
  window.location.assign(`${base}${payPage}&return_url=${encodeURIComponent(returnUrl)}`);
  return { kind: 'left' };
}
