import type { FieldError } from '@zhili/shared';

/**
 * Two rules every request value obeys, whatever schema its route declares (issue #11: NUL and
 * control characters were accepted in names, `?from=2026-13-45` in date filters):
 *
 * 1. Free text holds no control characters: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). Fields
 *    whose name says they are multi-line text (description, note, reason, content, …) may keep
 *    line feeds, carriage returns and tabs; names, titles, addresses and codes may not.
 * 2. A value shaped like a date (`2026-02-30`, `2026-12-01T25:00`) names a real calendar date and
 *    time: month 1–12, a day that exists in that month (leap years included), 00–23 h, 00–59 min
 *    and s. Schemas whose patterns only check the shape cannot forget it.
 *
 * Applied centrally by the contract's input parsing (contract/parse-input.ts), so no route can
 * forget them; field paths are reported like a schema's own.
 */

const MULTI_LINE_FIELD =
  /description|detail|note|remark|comment|reason|content|memo|reply|opinion|summary|feedback|message|text|body|minutes/i;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const DATE_HEAD = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True unless `value` starts with a date (and time) that does not exist. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_HEAD.exec(value);
  if (!m) return true; // not date-shaped: the field's own rule judges it
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return false;
  return m[6] === undefined || Number(m[6]) <= 59;
}

export function hasControlCharacters(value: string, multiLine: boolean): boolean {
  return (multiLine ? CONTROL_EXCEPT_LINES : CONTROL).test(value);
}

/** Judges one string of a value (its field name is the nearest object key), or null when it is fine. */
type Leaf = (value: string, key: string) => string | null;

function walk(leaf: Leaf, value: unknown, path: (string | number)[], key: string): FieldError[] {
  if (typeof value === 'string') {
    const message = leaf(value, key);
    return message ? [{ field: path.join('.'), message }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => walk(leaf, item, [...path, i], key));
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => walk(leaf, v, [...path, k], k));
  }
  return [];
}

const controlLeaf: Leaf = (value, key) => {
  const multiLine = MULTI_LINE_FIELD.test(key);
  if (!hasControlCharacters(value, multiLine)) return null;
  return multiLine ? '不能包含控制字符（换行和制表符除外）' : '不能包含控制字符或换行';
};

/**
 * Control characters in the text of a validated value (after its schema trimmed it), with the
 * field paths of every string found, in arrays and nested objects too.
 */
export function inputRuleViolations(validated: unknown): FieldError[] {
  return walk(controlLeaf, validated, [], '');
}

/** A whole value shaped like a date or date-time (`2026-02-30`, `2026-12-01T25:00`, with offset or Z). */
const DATE_SHAPED = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const dateShapedLeaf: Leaf = (value) =>
  DATE_SHAPED.test(value) && !isCalendarDate(value) ? '日期或时间不存在，请填写真实的日期' : null;

/**
 * Any text that is shaped like a date (the whole value) must name a real one. Judged on the value
 * as received, whatever schema the route declares, so no date field of any route can accept
 * 2026-02-30 (issue #11's rule, kept for zod schemas whose patterns check shape only).
 */
export function impossibleDates(received: unknown): FieldError[] {
  return walk(dateShapedLeaf, received, [], '');
}
