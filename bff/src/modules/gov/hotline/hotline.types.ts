import type { GovLocation } from '../core/gov-wire';

/** Wire shapes of the 12345 hotline platform (docs/GOV-PROTOCOL.md §3). */

export const HOTLINE_CONNECTOR = 'hotline12345';

export const HOTLINE_PATHS = {
  queryOrders: '/open/api/v1/hotline/orders/query',
  ackOrder: '/open/api/v1/hotline/orders/ack',
  reportStatus: '/open/api/v1/hotline/orders/status',
} as const;

/** 1 一般, 2 紧急, 3 特急. */
export type HotlineUrgency = 1 | 2 | 3;

export type HotlineStatusCode =
  | 'ASSIGNED'
  | 'ACCEPTED'
  | 'DISPATCHED'
  | 'PROCESSING'
  | 'RETURNED'
  | 'TRANSFERRED'
  | 'ESCALATED'
  | 'RESOLVED'
  | 'DISPUTED'
  | 'REOPENED'
  | 'CLOSED'
  | 'REJECTED'
  | 'MERGED';

export interface HotlineOrder {
  orderNo: string;
  title: string;
  content: string;
  categoryCode: string;
  categoryName: string;
  urgency: HotlineUrgency;
  callerName: string | null;
  callerPhone: string | null;
  address: string | null;
  location: GovLocation | null;
  /** The platform's status code (a HotlineStatusCode, not checked on intake: an order is taken in whatever its state). */
  status: string;
  deadline: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HotlineOrderPage {
  orders: HotlineOrder[];
  nextCursor: string;
  hasMore: boolean;
}

export interface HotlineStatusUpdate {
  orderNo: string;
  seq: number;
  status: Exclude<HotlineStatusCode, 'ASSIGNED'>;
  statusName: string;
  caseNo: string;
  occurredAt: string;
  operator: string;
  note: string | null;
  reason: string | null;
  result: string | null;
  outcome: string | null;
}
