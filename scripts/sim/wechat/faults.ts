// Injected failures: "the next N calls to <path> fail with <errcode>/<httpStatus>".
// Exists so the product's retry/backoff logic can be tested deterministically.
import { WxErr, wxError } from './errors';
import type { SimResponse } from './types';

export interface Fault {
  errcode: number;
  httpStatus: number;
  delayMs: number;
  remaining: number;
}

/** Every WeChat path answers `httpStatus` with a gateway page until `until` (epoch ms on the simulator's clock). */
export interface Outage {
  httpStatus: number;
  until: number | null;
}

export class FaultStore {
  private readonly byPath = new Map<string, Fault>();
  private outage: Outage | null = null;

  /** Takes the whole API "down" at the HTTP level (null = up again). */
  setOutage(outage: Outage | null): void {
    this.outage = outage;
  }

  currentOutage(now: number): Outage | null {
    if (this.outage && this.outage.until !== null && now >= this.outage.until) this.outage = null;
    return this.outage;
  }

  /** Replaces any pending fault on that path: the latest instruction is the one a test means. */
  set(path: string, fault: Fault): void {
    if (fault.remaining > 0) this.byPath.set(path, fault);
    else this.byPath.delete(path);
  }

  /** Consumes one failure for the path, if any is pending; an outage fails every call. */
  take(path: string, now: number): SimResponse | null {
    const outage = this.currentOutage(now);
    if (outage) {
      const text = `<html><body><h1>${outage.httpStatus} Service Unavailable</h1></body></html>`;
      return { status: outage.httpStatus, body: null, raw: { contentType: 'text/html', text } };
    }
    const fault = this.byPath.get(path);
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.byPath.delete(path);
    return {
      status: fault.httpStatus,
      body: { ...wxError(fault.errcode, now, '(injected by wechat-sim)') },
      delayMs: fault.delayMs,
    };
  }

  pending(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [path, fault] of this.byPath) out[path] = fault.remaining;
    return out;
  }

  clear(): void {
    this.byPath.clear();
    this.outage = null;
  }
}

export const DEFAULT_FAULT_ERRCODE = WxErr.SYSTEM_ERROR;
