// Payment and refund notifications: the v3 envelope with an encrypted resource, signed per attempt,
// POSTed to notify_url and retried on WeChat Pay's schedule until the merchant answers 2xx.
import { randomUUID } from 'node:crypto';
import { encryptResource, signedHeaders } from './crypto';
import { rfc3339 } from './ids';
import type { PayState } from './state';
import type { NotificationRecord } from './types';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
/** Delays before the 2nd … 16th attempt: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h (24h4m in all). */
export const RETRY_SCHEDULE_MS = [
  15 * S,
  15 * S,
  30 * S,
  3 * M,
  10 * M,
  20 * M,
  30 * M,
  30 * M,
  30 * M,
  60 * M,
  3 * H,
  3 * H,
  3 * H,
  6 * H,
  6 * H,
];

export type EventType = 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS';

const SUMMARY: Record<EventType, string> = { 'TRANSACTION.SUCCESS': '支付成功', 'REFUND.SUCCESS': '退款成功' };
const ORIGINAL_TYPE: Record<EventType, string> = { 'TRANSACTION.SUCCESS': 'transaction', 'REFUND.SUCCESS': 'refund' };

export interface NotificationInput {
  eventType: EventType;
  mchid: string;
  outTradeNo: string;
  outRefundNo?: string;
  url: string;
  resource: Record<string, unknown>;
  probe?: string;
  /** Encrypt with this key instead of the merchant's APIv3 key (probe: wrong key). */
  apiV3Key?: string;
}

/** How each attempt is signed: normally fresh headers; probes forge stale or broken ones. */
export type Signer = (body: string) => Record<string, string>;

export class Notifier {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private readonly waiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly state: PayState,
    private readonly retryScale: number,
    private readonly timeoutMs: number,
  ) {}

  /** The envelope of a notification, its resource encrypted with the merchant's APIv3 key. */
  build(input: NotificationInput): NotificationRecord {
    const merchant = this.state.merchants.get(input.mchid);
    if (!merchant) throw new Error(`unknown merchant ${input.mchid}`);
    const originalType = ORIGINAL_TYPE[input.eventType];
    const encrypted = encryptResource(
      JSON.stringify(input.resource),
      input.apiV3Key ?? merchant.apiV3Key,
      originalType,
    );
    const id = randomUUID();
    const envelope = {
      id,
      create_time: rfc3339(this.state.now()),
      resource_type: 'encrypt-resource',
      event_type: input.eventType,
      summary: SUMMARY[input.eventType],
      resource: { original_type: originalType, ...encrypted },
    };
    return {
      id,
      eventType: input.eventType,
      mchid: input.mchid,
      outTradeNo: input.outTradeNo,
      ...(input.outRefundNo ? { outRefundNo: input.outRefundNo } : {}),
      url: input.url,
      ...(input.probe ? { probe: input.probe } : {}),
      body: JSON.stringify(envelope),
      headers: {},
      attempts: [],
      outcome: 'pending',
    };
  }

  /** Fresh Wechatpay-* headers with the current platform key, as every genuine attempt carries. */
  readonly freshSigner: Signer = (body) =>
    signedHeaders(body, this.state.signingKey(), Math.floor(this.state.now() / 1000));

  /** Records and delivers; `retry` follows the schedule, otherwise a single attempt (probes). */
  send(record: NotificationRecord, options: { retry: boolean; signer?: Signer }): Promise<void> {
    this.state.notifications.push(record);
    return this.attempt(record, options.retry, options.signer ?? this.freshSigner);
  }

  private async attempt(record: NotificationRecord, retry: boolean, signer: Signer): Promise<void> {
    if (this.closed) return;
    record.headers = signer(record.body);
    const started = Date.now();
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.timeoutMs);
    let status: number | null = null;
    let error: string | undefined;
    try {
      const res = await fetch(record.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'Mozilla/4.0', ...record.headers },
        body: record.body,
        signal: controller.signal,
      });
      status = res.status;
      await res.arrayBuffer();
    } catch (err) {
      error = controller.signal.aborted ? `no answer within ${this.timeoutMs} ms` : String(err);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (this.closed) return;
    record.attempts.push({
      at: rfc3339(this.state.now()),
      status,
      ...(error ? { error } : {}),
      ms: Date.now() - started,
    });
    if (status !== null && status >= 200 && status < 300) return this.finish(record, 'delivered');
    const delay = RETRY_SCHEDULE_MS[record.attempts.length - 1];
    if (!retry || delay === undefined) return this.finish(record, 'given-up');
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(record, retry, signer);
    }, delay * this.retryScale);
    this.timers.add(timer);
  }

  private finish(record: NotificationRecord, outcome: 'delivered' | 'given-up'): void {
    record.outcome = outcome;
    if (this.pendingCount() === 0) this.waiters.splice(0).forEach((resolve) => resolve());
  }

  pendingCount(): number {
    return this.state.notifications.filter((n) => n.outcome === 'pending').length;
  }

  settled(): Promise<void> {
    if (this.pendingCount() === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.waiters.splice(0).forEach((resolve) => resolve());
  }
}
