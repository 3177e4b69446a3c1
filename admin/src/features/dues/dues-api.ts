import {
  duesBillRoutes,
  duesPayAdminRoutes,
  duesReconciliationRoutes,
  duesRefundRoutes,
  duesReportRoutes,
  duesSpendingRoutes,
} from '@zhili/shared';
import type { ClientInput } from '@zhili/shared';
import { api } from '@/api/contract-client';
import { http } from '@/api/http';

type Body<R> = R extends { body: infer B } ? B : never;
type Query<R> = R extends { query?: infer Q } ? NonNullable<Q> : never;

export type BillsQuery = Query<ClientInput<typeof duesBillRoutes.bills>>;
export type DeclarationsQuery = Query<ClientInput<typeof duesBillRoutes.declarations>>;
export type DeclarationBody = Body<ClientInput<typeof duesBillRoutes.declare>>;
export type SpecialBody = Body<ClientInput<typeof duesBillRoutes.special>>;
export type CashBody = Body<ClientInput<typeof duesBillRoutes.cash>>;
export type ProxyBody = Body<ClientInput<typeof duesBillRoutes.proxy>>;
export type WaiveBody = Body<ClientInput<typeof duesBillRoutes.waive>>;
export type ArrearsQuery = Query<ClientInput<typeof duesBillRoutes.arrears>>;
export type ReportQuery = Query<ClientInput<typeof duesReportRoutes.monthly>>;
/** A report or spending filter as the download sends it (plain query text). */
export type ExportQuery = Partial<Record<'orgId' | 'from' | 'to' | 'category' | 'q', string>>;
export type SpendingQuery = Query<ClientInput<typeof duesSpendingRoutes.list>>;
export type SpendingFilter = Query<ClientInput<typeof duesSpendingRoutes.summary>>;
export type SpendingBody = Body<ClientInput<typeof duesSpendingRoutes.create>>;
export type OrdersQuery = Query<ClientInput<typeof duesPayAdminRoutes.orders>>;
export type RefundsQuery = Query<ClientInput<typeof duesRefundRoutes.list>>;
export type RefundBody = Body<ClientInput<typeof duesRefundRoutes.create>>;

/**
 * The 党费 pages' calls. Dialog saves are silent (the dialog shows the refusal at its field or above
 * the form); list loads let the client toast.
 */
export const billsApi = {
  list: (query: BillsQuery) => api(duesBillRoutes.bills, { query }),
  /** Silent: the page shows the outcome (or the refusal) in its own dialog. */
  generate: (month: string) => api(duesBillRoutes.generate, { body: { month } }, { silent: true }),
  special: (body: SpecialBody) => api(duesBillRoutes.special, { body }, { silent: true }),
  cash: (id: string, body: CashBody) => api(duesBillRoutes.cash, { params: { id }, body }, { silent: true }),
  proxy: (id: string, body: ProxyBody) => api(duesBillRoutes.proxy, { params: { id }, body }, { silent: true }),
  waive: (id: string, body: WaiveBody) => api(duesBillRoutes.waive, { params: { id }, body }, { silent: true }),
};

export const declarationsApi = {
  list: (query: DeclarationsQuery) => api(duesBillRoutes.declarations, { query }),
  declare: (memberId: string, year: number, body: DeclarationBody) =>
    api(duesBillRoutes.declare, { params: { memberId, year }, body }, { silent: true }),
};

export const arrearsApi = {
  list: (query: ArrearsQuery) => api(duesBillRoutes.arrears, { query }),
  /** Silent: a refusal (reminded within 7 days, no WeChat account) is shown by the page. */
  remind: (memberId: string) => api(duesBillRoutes.remind, { params: { memberId } }, { silent: true }),
};

export const reportsApi = {
  monthly: (query: ReportQuery) => api(duesReportRoutes.monthly, { query }),
  exportMonthly: (query: ExportQuery) =>
    http.download(duesReportRoutes.monthlyExport.path, `党费收缴月报-${query.from ?? ''}-${query.to ?? ''}.xlsx`, {
      query: { ...query },
    }),
};

export const spendingApi = {
  list: (query: SpendingQuery) => api(duesSpendingRoutes.list, { query }),
  summary: (query: SpendingFilter) => api(duesSpendingRoutes.summary, { query }),
  create: (body: SpendingBody) => api(duesSpendingRoutes.create, { body }, { silent: true }),
  update: (id: string, body: SpendingBody) =>
    api(duesSpendingRoutes.update, { params: { id }, body }, { silent: true }),
  remove: (id: string) => api(duesSpendingRoutes.remove, { params: { id } }),
  export: (query: ExportQuery) =>
    http.download(duesSpendingRoutes.export.path, '党费支出.xlsx', { query: { ...query } }),
};

export const paymentsApi = {
  orders: (query: OrdersQuery) => api(duesPayAdminRoutes.orders, { query }),
  refund: (outTradeNo: string, body: RefundBody) =>
    api(duesRefundRoutes.create, { params: { outTradeNo }, body }, { silent: true }),
  refunds: (query: RefundsQuery) => api(duesRefundRoutes.list, { query }),
  reconciliations: (page: number, pageSize: number) =>
    api(duesReconciliationRoutes.list, { query: { page, pageSize } }),
  reconciliationDay: (date: string) => api(duesReconciliationRoutes.day, { params: { date } }),
  /** Silent: the page says why a run failed (no bill yet for the day, a bad hash). */
  reconcile: (date: string) => api(duesReconciliationRoutes.run, { body: { date } }, { silent: true }),
  resolve: (date: string, id: string, resolution: string) =>
    api(duesReconciliationRoutes.resolve, { params: { date, id }, body: { resolution } }, { silent: true }),
};
