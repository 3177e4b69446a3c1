import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pageQuery, pathId } from '../fields';
import { z } from '../zod';

const MP_TAG = '小程序 · 党费';
const STAFF_TAG = '管理端 · 党费';

/** An optional query field where an empty text means absent. */
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/**
 * A WeChat Pay order's state as we know it: `created` (prepay issued, not paid yet), `paid`, `closed`
 * (expired, or replaced by an order for other bills) and `refunded` (in full).
 */
export const payOrderStatusSchema = z.enum(['created', 'paid', 'closed', 'refunded'], { error: '订单状态无效' });
export type PayOrderStatus = z.infer<typeof payOrderStatusSchema>;

/** out_trade_no: our order number, WeChat Pay's alphabet (letters and digits), at most 32. */
const outTradeNo = () => z.string().regex(/^[A-Za-z0-9]{6,32}$/, { error: '订单号无效' });

/** The parameters of Taro.requestPayment / wx.requestPayment, signed by the BFF with the merchant key. */
export const requestPaymentSchema = z.object({
  /** The mini-program the order is paid in (the H5 stand-in sends it to the simulator; WeChat ignores it). */
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  /** `prepay_id=…` */
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});
export type RequestPaymentVO = z.infer<typeof requestPaymentSchema>;

export const createPayOrderBodySchema = z.strictObject({
  /** The member's own unpaid bills; the amount is their sum, never a number sent by the client. */
  billIds: z
    .array(pathId(), { error: '请选择要缴纳的账单' })
    .min(1, { error: '请选择要缴纳的账单' })
    .max(24, { error: '一次最多缴纳 24 笔账单' }),
});
export type CreatePayOrderBody = z.infer<typeof createPayOrderBodySchema>;

export const createdPayOrderSchema = z.object({
  outTradeNo: z.string(),
  /** Sum of the bills, in fen. */
  amountFen: z.number().int(),
  /** ISO instant after which the order can no longer be paid. */
  expiresAt: z.string(),
  payment: requestPaymentSchema,
});
export type CreatedPayOrderVO = z.infer<typeof createdPayOrderSchema>;

/** One of the member's orders, as the mini-program shows it after the payment sheet closes. */
export const mpPayOrderSchema = z.object({
  outTradeNo: z.string(),
  status: payOrderStatusSchema,
  amountFen: z.number().int(),
  description: z.string(),
  billIds: z.array(z.string()),
  /** ISO instant WeChat Pay reported the payment, when paid. */
  paidAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type MpPayOrderVO = z.infer<typeof mpPayOrderSchema>;

export const payOrderBillSchema = z.object({
  id: z.string(),
  /** `monthly` | `special` | `voluntary`. */
  kind: z.string(),
  month: z.string(),
  amountFen: z.number().int(),
  /** The bill's own state now (a bill paid in cash while the order was open shows `paid` by `cash`). */
  status: z.string(),
  paidVia: z.string().nullable(),
});

/** An order in the admin's payments page. */
export const adminPayOrderSchema = z.object({
  outTradeNo: z.string(),
  status: payOrderStatusSchema,
  amountFen: z.number().int(),
  refundedFen: z.number().int(),
  description: z.string(),
  memberId: z.string(),
  /** Masked (张*). */
  memberName: z.string(),
  orgName: z.string(),
  transactionId: z.string().nullable(),
  paidAt: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  bills: z.array(payOrderBillSchema),
  /**
   * The payment arrived for bills that had meanwhile been paid otherwise (cash, 代缴): the money is
   * there but credited nothing — a case for a refund on the finance page.
   */
  billsConflict: z.boolean(),
});
export type AdminPayOrderVO = z.infer<typeof adminPayOrderSchema>;

/** The member pays their bills with WeChat Pay (JSAPI). */
export const mpDuesPayRoutes = {
  createOrder: defineRoute({
    method: 'POST',
    path: '/api/mp/dues/orders',
    summary:
      '为本人未缴账单下微信支付订单（金额为账单合计，不取客户端金额）；返回 requestPayment 参数。同一组账单的未过期订单复用',
    tag: MP_TAG,
    audience: 'mp',
    body: createPayOrderBodySchema,
    response: createdPayOrderSchema,
    status: 200,
  }),
  order: defineRoute({
    method: 'GET',
    path: '/api/mp/dues/orders/:outTradeNo',
    summary: '本人订单状态（仍为待支付时向微信支付查询，已支付则入账）',
    tag: MP_TAG,
    audience: 'mp',
    params: z.object({ outTradeNo: outTradeNo() }),
    response: mpPayOrderSchema,
  }),
};

/** WeChat Pay's payment notification: signed over the raw body, answered in WeChat Pay's own format. */
export const wechatPayCallbackRoutes = {
  payment: defineRoute({
    method: 'POST',
    path: '/api/callbacks/wechatpay/payment',
    summary:
      '微信支付支付结果通知（先验签原始报文、时间窗、解密，再核对金额/商户号/AppID，按订单加锁入账一次）；成功 204 无内容，失败 4xx/5xx {"code":"FAIL","message"} 以便微信重试',
    tag: '回调 · 微信支付',
    audience: 'callback',
    bodyKind: 'raw',
    body: z.looseObject({
      id: z.string(),
      event_type: z.string(),
      resource: z.looseObject({ ciphertext: z.string(), nonce: z.string(), associated_data: z.string() }),
    }),
    // 204 when accepted; a refusal (4xx/5xx with WeChat Pay's FAIL body) is written by the handler itself.
    response: null,
    status: 204,
  }),
};

/** Staff: the orders of members in the caller's party scope. */
export const duesPayAdminRoutes = {
  orders: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/orders',
    summary: '微信支付订单（本人管辖的党组织内；状态、金额、党员、所缴账单）',
    tag: STAFF_TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    query: z.object({
      ...pageQuery(),
      orgId: blankIsAbsent(pathId()),
      status: blankIsAbsent(payOrderStatusSchema),
    }),
    response: adminPayOrderSchema,
    list: true,
  }),
};
