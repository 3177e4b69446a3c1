import { z } from '../zod';

/**
 * Arguments of Open311 GeoReport v2 (query strings and form fields, always text). The spec's error
 * list has no field marker, so every message names its argument itself (`lat 应为…`).
 */

/** The spec: an empty argument is the same as an absent one. Text is trimmed. */
const blankIsAbsent = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** A value that is not one piece of text: a repeated argument (`a=1&a=2` arrives as a list) or a JSON value. */
const notText = (name: string) => (issue: { input?: unknown }) =>
  Array.isArray(issue.input) ? `${name} 只能出现一次` : `${name} 应为文本`;

/** Length in characters as people count them (an emoji is one), not UTF-16 units. */
const charCount = (value: string) => Array.from(value).length;

/** One optional text argument, at most `max` characters when given. */
export const o311Arg = (name: string, max?: number) => {
  const text = z.string({ error: notText(name) });
  const bounded =
    max === undefined ? text : text.refine((v) => charCount(v) <= max, { error: `${name} 不能超过 ${max} 个字符` });
  return z.preprocess(blankIsAbsent, bounded.optional());
};

/** A required text argument, with its own words for "missing". */
export const o311Required = (name: string, missing: string) =>
  z.preprocess(
    blankIsAbsent,
    z.string({ error: (issue) => (issue.input === undefined ? missing : notText(name)(issue)) }),
  );

/** Text of `min`–`max` characters (the description of a report). */
export const o311Text = (name: string, min: number, max: number) => {
  const short = `${name} 须填写 ${min}–${max} 个字`;
  return z.preprocess(
    blankIsAbsent,
    z
      .string({ error: (issue) => (issue.input === undefined ? short : notText(name)(issue)) })
      .refine((v) => charCount(v) >= min, { error: short })
      .refine((v) => charCount(v) <= max, { error: `${name} 不能超过 ${max} 个字` }),
  );
};

/** An optional http(s) link of at most `max` characters. */
export const o311Url = (name: string, max: number) =>
  z.preprocess(
    blankIsAbsent,
    z
      .string({ error: notText(name) })
      .refine((v) => charCount(v) <= max, { error: `${name} 不能超过 ${max} 个字符` })
      .pipe(z.url({ protocol: /^https?$/, error: `${name} 应为 http(s) 链接` }))
      .optional(),
  );

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * A WGS84 coordinate sent as text (`37.7`), between `min` and `max`. One check for shape and range
 * (so a refused value stays text and counts as absent for the place rule), then read as a number.
 */
export const o311Coordinate = (name: string, min: number, max: number) =>
  z.preprocess(
    blankIsAbsent,
    z
      .string({ error: notText(name) })
      .refine((v) => DECIMAL.test(v) && Number(v) >= min && Number(v) <= max, {
        error: `${name} 应为 ${min} 到 ${max} 之间的数字（WGS84）`,
      })
      .transform(Number)
      .optional(),
  );

/**
 * A comma-delimited (or repeated) argument as its distinct non-empty items, at most `max`;
 * absent when nothing is left.
 */
export const o311List = <T extends z.ZodType<string>>(name: string, max: number, item: T) =>
  z.preprocess(
    (value) => {
      if (value === undefined) return undefined;
      const parts = (Array.isArray(value) ? value : [value]).flatMap((v) =>
        typeof v === 'string' ? v.split(',') : [v],
      );
      const items = [...new Set(parts.map((p) => (typeof p === 'string' ? p.trim() : p)).filter((p) => p !== ''))];
      return items.length ? items : undefined;
    },
    z
      .array(item, { error: `${name} 格式不正确` })
      .max(max, { error: `${name} 最多 ${max} 个` })
      .optional(),
  );

const W3_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The w3 profile of ISO 8601 the spec requires (`2010-01-01T00:00:00Z`): minutes at least, the
 * time zone (`Z` or `±hh:mm`) mandatory, and a date and time that exist.
 */
export function isW3DateTime(raw: string): boolean {
  const m = W3_DATETIME.exec(raw);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  const realDay = day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  return realDay && h <= 23 && mi <= 59 && s <= 59 && !Number.isNaN(new Date(raw).getTime());
}

/** An optional instant in the w3 format, read as a Date. */
export const o311DateTime = (name: string) =>
  z.preprocess(
    blankIsAbsent,
    z
      .string({ error: notText(name) })
      .refine(isW3DateTime, { error: `${name} 应为带时区的 ISO 8601 时间，例如 2026-01-01T00:00:00+08:00` })
      .transform((v) => new Date(v))
      .optional(),
  );
