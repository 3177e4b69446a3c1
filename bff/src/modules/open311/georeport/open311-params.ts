import { badRequest, notFound } from './open311-error';

/** The spec's default and maximum span of a GET requests query, and its result cap. */
export const OPEN311_MAX_SPAN_MS = 90 * 86_400_000;
export const OPEN311_MAX_RESULTS = 1000;

/** A query/form value as Koa parses it: a string, an array for a repeated key, an object for `a[b]=`. */
export type ParamValue = unknown;

/**
 * The one value of an optional argument. Per the spec an empty argument is the same as an absent
 * one; a repeated scalar argument is refused.
 */
export function single(value: ParamValue, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} 只能出现一次`);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A comma-delimited (or repeated) argument as its distinct non-empty items. */
export function commaList(value: ParamValue, name: string, max = OPEN311_MAX_RESULTS): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => {
    if (typeof v !== 'string') throw badRequest(`${name} 格式不正确`);
    return v.split(',');
  });
  const items = [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
  if (items.length > max) throw badRequest(`${name} 最多 ${max} 个`);
  return items.length ? items : undefined;
}

const W3_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date/time in the w3 profile of ISO 8601 the spec requires (`2010-01-01T00:00:00Z`): minutes at
 * least, and the time zone (`Z` or `±hh:mm`) mandatory. Anything else is a 400, not a guess.
 */
export function parseW3DateTime(raw: string, name: string): Date {
  const m = W3_DATETIME.exec(raw);
  const fail = () => badRequest(`${name} 应为带时区的 ISO 8601 时间，例如 2026-01-01T00:00:00+08:00`);
  if (!m) throw fail();
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  const realDay = day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  const at = new Date(raw);
  if (!realDay || h > 23 || mi > 59 || s > 59 || Number.isNaN(at.getTime())) throw fail();
  return at;
}

/** An instant in the spec's w3 format, UTC, whole seconds: `2026-05-01T02:03:04Z`. */
export function formatW3(at: Date | string | null | undefined): string | null {
  if (!at) return null;
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The requested_datetime window of a GET requests query: at most 90 days. With neither bound it is
 * the most recent 90 days; with one bound the other is 90 days away from it.
 */
export function dateWindow(
  startRaw: string | undefined,
  endRaw: string | undefined,
  now = new Date(),
): { from: Date; to: Date } {
  const start = startRaw ? parseW3DateTime(startRaw, 'start_date') : undefined;
  const end = endRaw ? parseW3DateTime(endRaw, 'end_date') : undefined;
  const to = end ?? (start ? new Date(start.getTime() + OPEN311_MAX_SPAN_MS) : now);
  const from = start ?? new Date(to.getTime() - OPEN311_MAX_SPAN_MS);
  if (from.getTime() > to.getTime()) throw badRequest('start_date 不能晚于 end_date');
  if (to.getTime() - from.getTime() > OPEN311_MAX_SPAN_MS)
    throw badRequest('start_date 与 end_date 相隔不能超过 90 天');
  return { from, to };
}

/** `jurisdiction_id` is optional (one jurisdiction is served); another one is a resource that does not exist. */
export function checkJurisdiction(value: ParamValue, jurisdiction: string): void {
  const given = single(value, 'jurisdiction_id');
  if (given !== undefined && given !== jurisdiction) throw notFound(`jurisdiction_id ${given} `);
}
