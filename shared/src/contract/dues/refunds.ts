import { duesReconcileLimits, reconcileDiffKinds, reconcileRunStatuses } from '../../domain/dues-reconcile';
import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { isoDate, pageQuery, pathId, qText } from '../fields';
import { z } from '../zod';

const TAG = '管理端 · 党费退款与对账';

/** An optional query field where an empty text means absent. */
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const refundStatuses = ['PROCESSING', 'SUCCESS', 'CLOSED', 'ABNORMAL'] as const;
export type RefundStatusValue = (typeof refundStatuses)[number];

/** A refund of a WeChat Pay dues order (money leaving: dues:finance only). Amounts in integer fen. */
export const duesRefundSchema = z.object({
  id: z.string(),
  /** Ours (R + …), sent to WeChat Pay; the same number again is the same refund. */
  outRefundNo: z.string(),
  outTradeNo: z.string(),
  memberId: z.string(),
  memberName: z.string().nullable(),
  orgPath: z.string(),
  amountFen: z.number().int(),
  /** The order's amount and how much of it is refunded so far (successful refunds). */
  orderAmountFen: z.number().int(),
  orderRefundedFen: z.number().int(),
  reason: z.string(),
  /** WeChat Pay's refund status: PROCESSING → SUCCESS | CLOSED | ABNORMAL. */
  status: z.enum(refundStatuses),
  refundId: z.string().nullable(),
  /** ISO time WeChat Pay reports the money returned. */
  successTime: z.string().nullable(),
  requestedBy: z.string(),
  requestedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DuesRefundVO = z.infer<typeof duesRefundSchema>;

export const createRefundBodySchema = z.strictObject({
  amountFen: z
    .number({ error: '退款金额必须是整数（分）' })
    .int({ error: '退款金额必须是整数（分）' })
    .min(1, { error: '退款金额至少 1 分' })
    .max(duesReconcileLimits.maxRefundFen, { error: '退款金额过大' }),
  reason: z
    .string({ error: '请填写退款原因' })
    .trim()
    .min(1, { error: '请填写退款原因' })
    .max(duesReconcileLimits.reasonMax, { error: `退款原因不能超过 ${duesReconcileLimits.reasonMax} 个字符` }),
});
export type CreateRefundBody = z.infer<typeof createRefundBodySchema>;

/** One day's reconciliation against WeChat Pay's trade bill (Beijing day). */
export const reconciliationSchema = z.object({
  date: z.string(),
  /** ok: no difference; differences: see the day; failed: the bill could not be used (message says why). */
  status: z.enum(reconcileRunStatuses),
  ourPaymentCount: z.number().int(),
  theirPaymentCount: z.number().int(),
  ourRefundCount: z.number().int(),
  theirRefundCount: z.number().int(),
  ourPaidFen: z.number().int(),
  theirPaidFen: z.number().int(),
  ourRefundFen: z.number().int(),
  theirRefundFen: z.number().int(),
  differenceCount: z.number().int(),
  unresolvedCount: z.number().int(),
  /** The downloaded bill's SHA1 matched the one WeChat Pay signed; null when no bill was downloaded. */
  billHashOk: z.boolean().nullable(),
  message: z.string().nullable(),
  ranAt: z.string(),
  /** Staff user who ran it; null for the daily job. */
  ranBy: z.string().nullable(),
});
export type ReconciliationVO = z.infer<typeof reconciliationSchema>;

/** One difference between our records and the trade bill, for a person to look into and resolve. */
export const reconciliationDiffSchema = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(reconcileDiffKinds),
  outTradeNo: z.string(),
  outRefundNo: z.string().nullable(),
  /** Our amount / WeChat Pay's amount (fen); null where one side has nothing. */
  ourFen: z.number().int().nullable(),
  theirFen: z.number().int().nullable(),
  note: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type ReconciliationDiffVO = z.infer<typeof reconciliationDiffSchema>;

export const reconciliationDaySchema = z.object({
  run: reconciliationSchema,
  differences: z.array(reconciliationDiffSchema),
});
export type ReconciliationDayVO = z.infer<typeof reconciliationDaySchema>;

const byTradeNo = z.object({
  outTradeNo: z.string().regex(/^[A-Za-z0-9_\-|*]{6,32}$/, { error: '订单号无效' }),
});
const byDate = z.object({ date: isoDate() });

/** Refunds and the daily reconciliation (town admin, dues:finance). */
export const duesRefundRoutes = {
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/dues/orders/:outTradeNo/refunds',
    summary: '微信支付党费订单退款（仅已支付订单；累计不超过订单金额；记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesFinance,
    params: byTradeNo,
    body: createRefundBodySchema,
    response: duesRefundSchema,
    status: 201,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/refunds',
    summary: '退款记录（处理中的退款在读取时向微信支付查询最新状态）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesFinance,
    query: z.object({
      ...pageQuery(),
      status: blankIsAbsent(z.enum(refundStatuses, { error: '状态无效' })),
      outTradeNo: qText(32),
    }),
    response: duesRefundSchema,
    list: true,
  }),
};

export const duesReconciliationRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/reconciliations',
    summary: '每日对账记录（与微信支付交易账单核对）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesFinance,
    query: z.object({ ...pageQuery() }),
    response: reconciliationSchema,
    list: true,
  }),
  day: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/reconciliations/:date',
    summary: '某日对账结果及每一条差异',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesFinance,
    params: byDate,
    response: reconciliationDaySchema,
  }),
  run: defineRoute({
    method: 'POST',
    path: '/api/admin/dues/reconciliations',
    summary: '对某日（北京时间）对账；重新对账会替换当日结果（已处理的差异保留处理记录）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesFinance,
    body: z.strictObject({ date: isoDate() }),
    response: reconciliationSchema,
  }),
  resolve: defineRoute({
    method: 'POST',
    path: '/api/admin/dues/reconciliations/:date/differences/:id/resolve',
    summary: '登记一条对账差异的处理结果（记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesFinance,
    params: byDate.extend({ id: pathId() }),
    body: z.strictObject({
      resolution: z
        .string({ error: '请填写处理说明' })
        .trim()
        .min(1, { error: '请填写处理说明' })
        .max(duesReconcileLimits.resolutionMax, {
          error: `处理说明不能超过 ${duesReconcileLimits.resolutionMax} 个字符`,
        }),
    }),
    response: reconciliationDiffSchema,
  }),
};

/**
 * WeChat Pay's refund notification: no token, the handler checks the signature over the exact bytes
 * before parsing, then decrypts. 204 once applied (or already applied); 4xx/5xx `{ code: 'FAIL', message }`
 * makes WeChat Pay retry.
 */
export const duesRefundCallbackRoutes = {
  refund: defineRoute({
    method: 'POST',
    path: '/api/callbacks/wechatpay/refund',
    summary: '微信支付退款结果通知（先验签原始报文，再解密；按退款单号只处理一次）',
    tag: '回调 · 微信支付',
    audience: 'callback',
    bodyKind: 'raw',
    body: z.looseObject({
      id: z.string(),
      event_type: z.string(),
      resource: z.looseObject({ ciphertext: z.string(), nonce: z.string(), associated_data: z.string().optional() }),
    }),
    response: null,
    status: 204,
  }),
};
