import CircuitBreaker from 'opossum';
import { AppError } from '../../../core/errors/app-error';
import type { GovBreakerState, GovConnectorStatus } from './gov-adapter';
import { classifyGovFailure, GovApiError } from './gov-errors';
import { govSignedHeaders, type GovCredentials } from './gov-signing';

export interface GovRetryPolicy {
  /** Attempts of an idempotent call, first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface GovBreakerPolicy {
  /** Failure percentage over the rolling window that opens the breaker. */
  errorThresholdPercentage: number;
  /** Calls in the window before the percentage counts at all. */
  volumeThreshold: number;
  /** Rest while open before one trial call (half-open). */
  resetTimeoutMs: number;
  rollingWindowMs: number;
}

export interface SignedGovClientOptions {
  name: string;
  baseUrl: string;
  credentials: GovCredentials;
  /** Per attempt (env GOV_TIMEOUT_MS). */
  timeoutMs: number;
  retry?: Partial<GovRetryPolicy>;
  breaker?: Partial<GovBreakerPolicy>;
  logger?: { info(message: string): void; warn(message: string): void };
  /** Jitter source; tests pin it. */
  random?: () => number;
}

export const defaultGovRetry: GovRetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2000 };

/** Rest of an open breaker: six request timeouts, 1–60 s (30 s with the default 5 s timeout). */
export function govBreakerResetMs(timeoutMs: number): number {
  return Math.min(60_000, Math.max(1000, 6 * timeoutMs));
}

interface Envelope {
  code: number;
  message?: string;
  data?: unknown;
}

const isEnvelope = (v: unknown): v is Envelope =>
  typeof v === 'object' && v !== null && typeof (v as Envelope).code === 'number';

/**
 * A typed client of one government platform: every attempt is signed afresh (new nonce and
 * timestamp), bounded by a timeout, and passes through an opossum circuit breaker that counts only
 * transient failures. Idempotent calls are retried with exponential backoff and jitter; an open
 * breaker fails fast with `AppError('GOV_UNAVAILABLE')`.
 */
export class SignedGovClient {
  private readonly breaker: CircuitBreaker<[string, string], unknown>;
  private readonly retry: GovRetryPolicy;
  private readonly random: () => number;

  constructor(private readonly options: SignedGovClientOptions) {
    this.retry = { ...defaultGovRetry, ...options.retry };
    this.random = options.random ?? Math.random;
    const policy: GovBreakerPolicy = {
      errorThresholdPercentage: 50,
      volumeThreshold: 5,
      resetTimeoutMs: govBreakerResetMs(options.timeoutMs),
      rollingWindowMs: 10_000,
      ...options.breaker,
    };
    this.breaker = new CircuitBreaker((path: string, body: string) => this.attempt(path, body), {
      name: options.name,
      // Our own per-attempt timeout aborts the socket; opossum's would only stop waiting.
      timeout: false,
      errorThresholdPercentage: policy.errorThresholdPercentage,
      volumeThreshold: policy.volumeThreshold,
      resetTimeout: policy.resetTimeoutMs,
      rollingCountTimeout: policy.rollingWindowMs,
      rollingCountBuckets: 10,
      // A refusal proves the platform is up: only transient failures count against it.
      errorFilter: (err: unknown) => !(err instanceof GovApiError && err.kind === 'transient'),
    });
    const log = options.logger;
    this.breaker.on('open', () =>
      log?.warn(`[gov] ${options.name}: circuit breaker OPEN, failing fast for ${policy.resetTimeoutMs} ms`),
    );
    this.breaker.on('halfOpen', () => log?.info(`[gov] ${options.name}: circuit breaker half-open, trying one call`));
    this.breaker.on('close', () => log?.info(`[gov] ${options.name}: circuit breaker closed`));
  }

  /** Signed POST; resolves the envelope's `data`. See `GovAdapter.request`. */
  async request<T>(path: string, body: object, options: { idempotent?: boolean } = {}): Promise<T> {
    const raw = JSON.stringify(body);
    const attempts = options.idempotent ? this.retry.maxAttempts : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await this.breaker.fire(path, raw)) as T;
      } catch (err) {
        if (CircuitBreaker.isOurError(err as Error)) {
          throw new AppError('GOV_UNAVAILABLE', `${this.options.name} 暂时不可用（熔断中），请稍后再试`);
        }
        if (!(err instanceof GovApiError) || err.kind !== 'transient' || attempt >= attempts) throw err;
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs(attempt)));
      }
    }
  }

  breakerState(): GovBreakerState {
    if (this.breaker.opened) return 'open';
    return this.breaker.halfOpen ? 'half_open' : 'closed';
  }

  status(enabled = true): GovConnectorStatus {
    const s = this.breaker.stats;
    return {
      name: this.options.name,
      enabled,
      breaker: this.breakerState(),
      stats: { fires: s.fires, failures: s.failures, rejects: s.rejects, timeouts: s.timeouts, successes: s.successes },
    };
  }

  /** Stops the breaker's timers (on application stop). */
  shutdown(): void {
    this.breaker.shutdown();
  }

  /** Equal jitter: half the exponential step fixed, half random, so retries never align. */
  private backoffMs(attempt: number): number {
    const step = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(step / 2 + this.random() * (step / 2));
  }

  private async attempt(path: string, body: string): Promise<unknown> {
    const url = this.options.baseUrl.replace(/\/+$/, '') + path;
    const signedPath = new URL(url).pathname;
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          ...govSignedHeaders(this.options.credentials, 'POST', signedPath, body),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      // AbortSignal.timeout rejects with a DOMException (not always `instanceof Error` across realms).
      const { name, message } = err as { name?: string; message?: string };
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const detail = timedOut
        ? `timed out after ${this.options.timeoutMs} ms`
        : `network error: ${message ?? String(err)}`;
      throw new GovApiError('transient', null, null, `${this.options.name} ${path}: ${detail}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    if (!isEnvelope(parsed)) {
      throw new GovApiError(
        'transient',
        res.status,
        null,
        `${this.options.name} ${path}: HTTP ${res.status} without an envelope`,
      );
    }
    if (res.ok && parsed.code === 0) return parsed.data ?? null;
    const kind = classifyGovFailure(res.status, parsed.code);
    throw new GovApiError(
      kind,
      res.status,
      parsed.code,
      `${this.options.name} ${path}: HTTP ${res.status} code ${parsed.code} ${parsed.message ?? ''}`.trim(),
    );
  }
}
