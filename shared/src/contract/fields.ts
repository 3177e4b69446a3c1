import { z } from './zod';

/**
 * Building blocks of request and response schemas. Every route's schemas are made of these and
 * plain zod, so "a date", "a page", "an id in a path" mean the same on every route.
 *
 * Query strings arrive as text (`?page=2`, `?active=true`, `?tag=a&tag=b`): the `q*` blocks read
 * them; a blank value (`?page=`) counts as absent, as a form that sends empty fields means.
 */

/** A message for a wrong type only; range checks keep their own (不能大于 100). */
const typeError = (message: string) => (issue: { code?: string }) =>
  issue.code === 'invalid_type' ? message : undefined;

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** A path segment id (regions, cases, persons… are UUID-like strings; ≤ 64 chars, no slashes). */
export const pathId = () => z.string().min(1, { error: '缺少 ID' }).max(64, { error: 'ID 无效' });

/** Single-line text, trimmed. `min` 1 = required and not blank. */
export const text = (max: number, min = 0) =>
  min > 0 ? z.string().trim().min(min).max(max) : z.string().trim().max(max);

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused). */
export const isoDate = () => z.iso.date();

/** A timestamp in ISO 8601 with an offset or Z, e.g. 2026-12-06T08:00:00.000Z. */
export const isoDateTime = () => z.iso.datetime({ offset: true });

const queryInt = (min: number, max: number) =>
  z.coerce
    .number({ error: typeError('应为整数') })
    .int({ error: '应为整数' })
    .min(min)
    .max(max);

/** An integer in a query string; optional. */
export const qInt = (min: number, max: number) => z.preprocess(blankToUndefined, queryInt(min, max).optional());

/** An integer in a query string, `fallback` when absent or blank. */
export const qIntOr = (min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, queryInt(min, max).default(fallback));

/** A number (decimals allowed) in a query string, e.g. a longitude; optional. */
export const qNumber = (min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: typeError('应为数字') })
      .min(min)
      .max(max)
      .optional(),
  );

/** A required number in a query string, with its own words for "missing" and "not a number". */
export const qRequiredNumber = (min: number, max: number, missing: string, notNumber: string) =>
  z.preprocess(
    blankToUndefined,
    z.union([z.string(), z.number()], { error: missing }).pipe(
      z.coerce
        .number<string | number>({ error: typeError(notNumber) })
        .min(min)
        .max(max),
    ),
  );

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };

/** `true`/`false` (or `1`/`0`) in a query string; optional. */
export const qBool = () =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (value === '' ? undefined : (BOOLEAN_TEXT[value] ?? value)) : value),
    z.boolean({ error: '应为 true 或 false' }).optional(),
  );

/** Optional text in a query string; blank = absent. */
export const qText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/** A list in a query string: `?x=a&x=b` or `?x=a,b`; blank items dropped. */
export const qList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z.preprocess((value) => {
    if (value === undefined || value === '') return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
    return parts.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');
  }, z.array(item).max(max).optional());

/** `page` and `pageSize` of every paginated list (pageSize ≤ `maxSize`). */
export const pageQuery = (defaultSize = 20, maxSize = 100) => ({
  page: qIntOr(1, 100000, 1),
  pageSize: qIntOr(1, maxSize, defaultSize),
});

/** The `page` part of a list response. */
export const pageInfo = z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

/** No body at all (a route that takes none refuses nothing: extra bodies are ignored by design). */
export const empty = z.object({});
