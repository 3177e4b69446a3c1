// Signed pushes from the simulated platform to the BFF's callback, retried like a real platform
// does (a few attempts with growing pauses), and recorded for tests.
import { signedHeaders } from './protocol';

export interface PushEntry {
  url: string;
  /** What was pushed (order number or event id). */
  ref: string;
  attempt: number;
  status: number | null;
  error: string | null;
  at: number;
}

export interface PushOptions {
  appKey: string;
  appSecret: string;
  now: () => number;
  /** Attempts per push (1 = no retry). */
  maxAttempts: number;
  /** Pause before retry n is baseDelayMs × 2^(n-1). */
  baseDelayMs: number;
  timeoutMs: number;
}

/** Sends pushes one at a time per call, keeps a log, and can be stopped (pending retries dropped). */
export class Pusher {
  readonly log: PushEntry[] = [];
  /** Pending pauses; closing ends them at once so no caller waits on a stopped simulator. */
  private readonly sleeps = new Map<NodeJS.Timeout, () => void>();
  private closed = false;

  constructor(private readonly options: PushOptions) {}

  /** Resolves true once the callback answered 2xx, false when every attempt failed or we closed. */
  async push(url: string, ref: string, payload: object): Promise<boolean> {
    const body = JSON.stringify(payload);
    const path = new URL(url).pathname;
    for (let attempt = 1; attempt <= this.options.maxAttempts && !this.closed; attempt += 1) {
      const entry: PushEntry = { url, ref, attempt, status: null, error: null, at: this.options.now() };
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: signedHeaders(this.options.appKey, this.options.appSecret, 'POST', path, body, this.options.now()),
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        await res.arrayBuffer();
        entry.status = res.status;
      } catch (err) {
        entry.error = err instanceof Error ? err.message : String(err);
      }
      this.log.push(entry);
      if (entry.status !== null && entry.status < 300) return true;
      // 4xx other than 429 will not change by retrying (bad signature, bad payload).
      if (entry.status !== null && entry.status >= 400 && entry.status < 500 && entry.status !== 429) return false;
      if (attempt < this.options.maxAttempts) await this.sleep(this.options.baseDelayMs * 2 ** (attempt - 1));
    }
    return false;
  }

  close(): void {
    this.closed = true;
    for (const [timer, wake] of this.sleeps) {
      clearTimeout(timer);
      wake();
    }
    this.sleeps.clear();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeps.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      this.sleeps.set(timer, resolve);
    });
  }
}
