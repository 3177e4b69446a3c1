import { routes } from '@zhili/shared/client';
import type {
  CreatedPayOrderVO,
  DuesBillVO,
  DuesPrepayResultVO,
  MpPayOrderVO,
  MyDuesDeclarationBody,
  MyDuesVO,
} from '@zhili/shared/client';
import { api } from '../../../services/contract-client';

/** The 党费 page's calls. Silent: the page shows every failure itself, in place. */
const SILENT = { silent: true } as const;

export function fetchMyDues(): Promise<MyDuesVO> {
  return api(routes.mpDues.me, {}, SILENT);
}

export function declareDues(body: MyDuesDeclarationBody): Promise<MyDuesVO> {
  return api(routes.mpDues.declare, { body }, SILENT);
}

export function addVoluntaryDues(amountFen: number): Promise<DuesBillVO> {
  return api(routes.mpDues.voluntary, { body: { amountFen } }, SILENT);
}

/** An order for the chosen bills: the BFF sums them (the client sends no amount) and signs the sheet. */
export function createDuesOrder(billIds: string[]): Promise<CreatedPayOrderVO> {
  return api(routes.mpDuesPay.createOrder, { body: { billIds } }, SILENT);
}

/** The order as the BFF knows it; while unpaid there, the BFF asks WeChat Pay first. */
export function fetchDuesOrder(outTradeNo: string): Promise<MpPayOrderVO> {
  return api(routes.mpDuesPay.order, { params: { outTradeNo } }, SILENT);
}

/** Bills for the coming months (none made twice); they join the unpaid list. */
export function prepayDues(months: number): Promise<DuesPrepayResultVO> {
  return api(routes.mpDues.prepay, { body: { months } }, SILENT);
}
