import { badRequest, notFound } from './open311-error';

/** The spec's default and maximum span of a GET requests query, and its result cap. */
export const OPEN311_MAX_SPAN_MS = 90 * 86_400_000;
export const OPEN311_MAX_RESULTS = 1000;

/** An instant in the spec's w3 format, UTC, whole seconds: `2026-05-01T02:03:04Z`. */
export function formatW3(at: Date | string): string;
export function formatW3(at: Date | string | null | undefined): string | null;
export function formatW3(at: Date | string | null | undefined): string | null {
  if (!at) return null;
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The requested_datetime window of a GET requests query (bounds already read by the contract's
 * schema): at most 90 days. With neither bound it is the most recent 90 days; with one bound the
 * other is 90 days away from it.
 */
export function dateWindow(start: Date | undefined, end: Date | undefined, now = new Date()): { from: Date; to: Date } {
  const to = end ?? (start ? new Date(start.getTime() + OPEN311_MAX_SPAN_MS) : now);
  const from = start ?? new Date(to.getTime() - OPEN311_MAX_SPAN_MS);
  if (from.getTime() > to.getTime()) throw badRequest('start_date 不能晚于 end_date');
  if (to.getTime() - from.getTime() > OPEN311_MAX_SPAN_MS)
    throw badRequest('start_date 与 end_date 相隔不能超过 90 天');
  return { from, to };
}

/** `jurisdiction_id` is optional (one jurisdiction is served); another one is a resource that does not exist. */
export function checkJurisdiction(given: string | undefined, jurisdiction: string): void {
  if (given !== undefined && given !== jurisdiction) throw notFound(`jurisdiction_id ${given} `);
}
