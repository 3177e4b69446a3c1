/**
 * How a failed platform call should be treated (docs/GOV-PROTOCOL.md §6):
 * - `transient`: network error, timeout, 5xx, 429, an answer that is not the envelope — retried
 *   (inline for idempotent calls, then by the outbox) and counted by the circuit breaker;
 * - `auth`: the platform refused our signature, key or clock (401, 409 40901/40902) — not retried
 *   inline (it will not fix itself in milliseconds), retried later by the outbox since an operator
 *   can fix the configuration; not counted by the breaker (the platform is up);
 * - `rejected`: a business refusal (400, 404, 409 40903, or any other non-zero code) — the same
 *   request will always fail: outbox handlers drop it.
 */
export type GovFailureKind = 'transient' | 'auth' | 'rejected';

export class GovApiError extends Error {
  constructor(
    readonly kind: GovFailureKind,
    /** HTTP status; null when no answer arrived (network error, timeout). */
    readonly httpStatus: number | null,
    /** The platform's envelope code when there was one. */
    readonly code: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'GovApiError';
  }
}

/** Envelope codes that mean "your request is not authentic / is a replay". */
const AUTH_CODES = new Set([40100, 40101, 40102, 40901, 40902]);

/** Classifies a platform answer that is not a success. */
export function classifyGovFailure(httpStatus: number, code: number | null): GovFailureKind {
  if (httpStatus >= 500 || httpStatus === 429 || code === 42901 || (code !== null && code >= 50000)) return 'transient';
  if (httpStatus === 401 || (code !== null && AUTH_CODES.has(code))) return 'auth';
  if (httpStatus >= 400 || code !== null) return 'rejected';
  return 'transient';
}
