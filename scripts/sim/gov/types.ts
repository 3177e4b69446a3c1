// Wire shapes of the simulated platforms (docs/GOV-PROTOCOL.md) and the simulators' options.
import type { FaultKind, FaultSettings } from './faults';
import type { PushEntry } from './push';

export interface GovSimOptions {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  appKey: string;
  appSecret: string;
  latencyMs?: number;
  failureRate?: number;
  /** Seed of the fault RNG (same seed + same call sequence = same faults). */
  seed?: number;
  /** Full callback URL of the BFF, e.g. http://127.0.0.1:7001/api/callbacks/gov/hotline12345. */
  pushUrl?: string;
  /** Platform clock (ms); tests move it to check time windows. */
  now?: () => number;
  /** How long a `hang` fault holds the answer before dropping the connection (default 120 s). */
  hangMs?: number;
  /** Do not keep the process alive (the launcher runs the simulators in its own process). */
  unref?: boolean;
  /** Push retries: attempts (default 5), first pause (default 1000 ms, doubling), timeout (5000 ms). */
  push?: { maxAttempts?: number; baseDelayMs?: number; timeoutMs?: number };
  onRequest?: (entry: GovRequestLogEntry) => void;
}

export interface GovRequestLogEntry {
  method: string;
  path: string;
  /** 0 when the answer was withheld (`hang`). */
  status: number;
  code: number | null;
  fault: FaultKind;
  at: number;
  ms: number;
}

export const HOTLINE_PATHS = {
  queryOrders: '/open/api/v1/hotline/orders/query',
  ackOrder: '/open/api/v1/hotline/orders/ack',
  reportStatus: '/open/api/v1/hotline/orders/status',
} as const;

export const CITY_PATHS = {
  createEvent: '/open/api/v1/city/events/create',
  queryResults: '/open/api/v1/city/events/results/query',
} as const;

export type CoordType = 'wgs84' | 'gcj02';
export interface GovLocation {
  lng: number;
  lat: number;
  coordType: CoordType;
}

/** 1 一般, 2 紧急, 3 特急. */
export type HotlineUrgency = 1 | 2 | 3;

export const HOTLINE_STATUS_CODES = [
  'ASSIGNED',
  'ACCEPTED',
  'DISPATCHED',
  'PROCESSING',
  'RETURNED',
  'TRANSFERRED',
  'ESCALATED',
  'RESOLVED',
  'DISPUTED',
  'REOPENED',
  'CLOSED',
  'REJECTED',
  'MERGED',
] as const;
export type HotlineStatusCode = (typeof HOTLINE_STATUS_CODES)[number];

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
  /** The platform's view: ASSIGNED until the town reports, then the latest reported status. */
  status: HotlineStatusCode;
  deadline: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewHotlineOrder = Partial<Omit<HotlineOrder, 'orderNo' | 'status' | 'createdAt' | 'updatedAt'>>;

export interface HotlineStatusUpdate {
  orderNo: string;
  seq: number;
  status: HotlineStatusCode;
  statusName: string;
  caseNo: string;
  occurredAt: string;
  operator: string;
  note: string | null;
  reason: string | null;
  result: string | null;
  outcome: string | null;
}

export interface StatusLogEntry extends HotlineStatusUpdate {
  receivedAt: number;
}

export interface AckEntry {
  orderNo: string;
  caseNo: string;
  receivedAt: string;
  ackedAt: number;
}

export interface HotlineSim {
  url: string;
  port: number;
  /** Creates a work order (and pushes it when a push URL is set; see `idle()`). */
  createOrder(input?: NewHotlineOrder): HotlineOrder;
  /** Pushes an existing order to the callback now (again). */
  pushOrder(orderNo: string): Promise<boolean>;
  orders(): HotlineOrder[];
  /** Status updates received, first copy of each (orderNo, seq), in arrival order. */
  statusLog(): StatusLogEntry[];
  /** Repeated (orderNo, seq) updates that were answered as duplicates. */
  duplicateStatusUpdates(): number;
  acks(): AckEntry[];
  pushes(): PushEntry[];
  setPushUrl(url: string | null): void;
  setFaults(patch: Partial<FaultSettings>): FaultSettings;
  requests(): GovRequestLogEntry[];
  /** Resolves when every push started so far has finished (delivered or given up). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface CityEventInput {
  caseNo: string;
  title: string;
  description: string;
  categoryCode: string;
  categoryName: string;
  priority: string;
  address: string | null;
  location: GovLocation | null;
  reportedAt: string;
  escalatedAt: string;
  reason: string;
  townName: string;
}

export interface CityEvent extends CityEventInput {
  eventId: string;
  status: 'OPEN' | 'FINISHED';
  /** 1 for the first escalation; a later escalation of a finished event reopens it as round 2, … */
  round: number;
  createdAt: string;
  result: string | null;
  handler: string | null;
  finishedAt: string | null;
}

export interface CityResult {
  eventId: string;
  caseNo: string;
  round: number;
  result: string;
  handler: string;
  finishedAt: string;
}

export interface CitySim {
  url: string;
  port: number;
  events(): CityEvent[];
  /** How many create calls arrived (including duplicates) and how many were duplicates. */
  createCalls(): { total: number; duplicates: number };
  /** Finishes an open event (by event id or case number) and pushes the result when a push URL is set. */
  finishEvent(ref: string, input: { result: string; handler?: string }): CityResult;
  pushes(): PushEntry[];
  setPushUrl(url: string | null): void;
  setFaults(patch: Partial<FaultSettings>): FaultSettings;
  requests(): GovRequestLogEntry[];
  idle(): Promise<void>;
  close(): Promise<void>;
}
