/** What the circuit breaker of a connector is doing right now (for health checks and the admin). */
export type GovBreakerState = 'closed' | 'open' | 'half_open';

export interface GovConnectorStatus {
  name: string;
  /** Configured (base URL, key and secret set). */
  enabled: boolean;
  breaker: GovBreakerState;
  /** Counts over the breaker's rolling window. */
  stats: { fires: number; failures: number; rejects: number; timeouts: number; successes: number };
}

/**
 * The face every government connector shows: a name, whether it is configured, its health, and a
 * signed, retried, circuit-broken `request()` to its platform (docs/GOV-PROTOCOL.md). Connectors
 * add their own typed calls on top.
 */
export interface GovAdapter {
  readonly name: string;
  readonly enabled: boolean;
  status(): GovConnectorStatus;
  /**
   * Signed POST of `body` to `path` on the platform; resolves the envelope's `data` (code 0).
   * `idempotent` calls are retried on transient failures. Throws `GovApiError`, or
   * `AppError('GOV_UNAVAILABLE')` while the breaker is open or when the connector is not configured.
   */
  request<T>(path: string, body: object, options?: { idempotent?: boolean }): Promise<T>;
}
