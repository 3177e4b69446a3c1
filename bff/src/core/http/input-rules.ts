import type { Schema } from 'joi';
import type { FieldError } from '@zhili/shared';

/**
 * Two rules every validated request value obeys, whatever DTO declared it (issue #11: NUL and
 * control characters were accepted in names, `?from=2026-13-45` in date filters):
 *
 * 1. Free text holds no control characters: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). Fields
 *    whose name says they are multi-line text (description, note, reason, content, …) may keep
 *    line feeds, carriage returns and tabs; names, titles, addresses and codes may not.
 * 2. A field validated as a date (`isoDate()` or a `YYYY-MM-DD…` pattern) holds a real calendar
 *    date and time: month 1–12, a day that exists in that month (leap years included), 00–23 h,
 *    00–59 min and s. The DTOs' patterns only check the shape.
 *
 * Applied centrally after Joi by the validation service (validation-cache.ts), so no DTO can forget
 * them; field paths and Chinese messages are reported like Joi's own.
 */

const MULTI_LINE_FIELD =
  /description|detail|note|remark|comment|reason|content|memo|reply|opinion|summary|feedback|message|text|body/i;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const DATE_PATTERN = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;
const DATE_HEAD = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** What the rules need to know of a schema: which strings are dates, and the children. */
export interface FieldSpec {
  date: boolean;
  keys: Map<string, FieldSpec>;
  /** Item schemas of arrays and the alternatives' schemas, merged. */
  items: FieldSpec | null;
  /** The array's declared maximum length (for alternatives: the largest of the array branches). */
  maxItems?: number;
  /** The schema's own `array.max` message (e.g. 照片最多 9 张), so the early refusal reads as Joi's would. */
  maxMessage?: string;
}

interface Description {
  type?: string;
  rules?: { name: string; args?: { regex?: string; limit?: number } }[];
  preferences?: { messages?: Record<string, unknown> };
  keys?: Record<string, Description>;
  items?: Description[];
  matches?: { schema?: Description; then?: Description; otherwise?: Description }[];
}

function merge(specs: FieldSpec[]): FieldSpec | null {
  if (!specs.length) return null;
  const keys = new Map<string, FieldSpec>();
  for (const spec of specs)
    for (const [k, v] of spec.keys) keys.set(k, keys.has(k) ? (merge([keys.get(k) as FieldSpec, v]) as FieldSpec) : v);
  const items = specs.map((s) => s.items).filter((s): s is FieldSpec => s !== null);
  const limits = specs.map((s) => s.maxItems).filter((n): n is number => n !== undefined);
  const messages = specs.map((s) => s.maxMessage).filter((m): m is string => m !== undefined);
  return {
    date: specs.some((s) => s.date),
    keys,
    items: merge(items),
    ...(limits.length ? { maxItems: Math.max(...limits) } : {}),
    // One branch's own message is kept; with several, the neutral wording (they may disagree).
    ...(messages.length === 1 ? { maxMessage: messages[0] } : {}),
  };
}

function specOf(desc: Description): FieldSpec {
  const date =
    desc.type === 'string' &&
    (desc.rules ?? []).some(
      (r) => r.name === 'isoDate' || (r.name === 'pattern' && DATE_PATTERN.test(r.args?.regex ?? '')),
    );
  const keys = new Map(Object.entries(desc.keys ?? {}).map(([k, d]) => [k, specOf(d)]));
  const children = [
    ...(desc.items ?? []),
    ...(desc.matches ?? []).flatMap((m) => [m.schema, m.then, m.otherwise].filter((d): d is Description => Boolean(d))),
  ].map(specOf);
  const items = merge(children);
  const max =
    desc.type === 'array' ? desc.rules?.find((r) => r.name === 'max' || r.name === 'length')?.args?.limit : undefined;
  const alternatives = desc.type === 'alternatives';
  // Alternatives: their string branches decide whether the value itself is a date; their array
  // branches how long an array may be.
  const maxItems = alternatives ? items?.maxItems : max;
  const ownMessage = desc.preferences?.messages?.['array.max'];
  const maxMessage = alternatives ? items?.maxMessage : typeof ownMessage === 'string' ? ownMessage : undefined;
  return {
    date: date || (alternatives && Boolean(items?.date)),
    keys: alternatives ? (items?.keys ?? keys) : keys,
    items,
    ...(maxItems !== undefined ? { maxItems } : {}),
    ...(maxMessage !== undefined ? { maxMessage } : {}),
  };
}

/** The schema's message with Joi's template parts filled in (`{{#limit}}`, `{#limit}`, the label dropped). */
function maxItemsMessage(limit: number, template?: string): string {
  if (!template) return `最多 ${limit} 项`;
  return template
    .replace(/\{\{?\s*#limit\s*\}?\}/g, String(limit))
    .replace(/"?\{\{?\s*#label\s*\}?\}"?\s*/g, '')
    .trim();
}

/**
 * Arrays longer than their schema allows, found *before* Joi runs: Joi validates every item before
 * it looks at `max`, at about 1 ms per item when the item schema has its own messages (it merges
 * the whole message table per item), so a 1 MB body with 150,000 tags blocked the event loop for
 * minutes (found by the bad-input walk). Only arrays the schema describes are checked.
 */
export function oversizedArrays(spec: FieldSpec | null, value: unknown, path: (string | number)[] = []): FieldError[] {
  if (Array.isArray(value)) {
    if (spec?.maxItems !== undefined && value.length > spec.maxItems)
      return [{ field: path.join('.'), message: maxItemsMessage(spec.maxItems, spec.maxMessage) }];
    return [];
  }
  if (value !== null && typeof value === 'object' && spec) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      oversizedArrays(spec.keys.get(k) ?? null, v, [...path, k]),
    );
  }
  return [];
}

/** The rules' view of a Joi schema (computed once per DTO). */
export function fieldSpecOf(schema: Schema): FieldSpec {
  return specOf(schema.describe() as Description);
}

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

type Leaf = (spec: FieldSpec | null, value: string, key: string) => string | null;

function walk(
  leaf: Leaf,
  spec: FieldSpec | null,
  value: unknown,
  path: (string | number)[],
  key: string,
): FieldError[] {
  if (typeof value === 'string') {
    const message = leaf(spec, value, key);
    return message ? [{ field: path.join('.'), message }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => walk(leaf, spec?.items ?? spec, item, [...path, i], key));
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      walk(leaf, spec?.keys.get(k) ?? null, v, [...path, k], k),
    );
  }
  return [];
}

const controlLeaf: Leaf = (_spec, value, key) => {
  const multiLine = MULTI_LINE_FIELD.test(key);
  if (!hasControlCharacters(value, multiLine)) return null;
  return multiLine ? '不能包含控制字符（换行和制表符除外）' : '不能包含控制字符或换行';
};

const dateLeaf: Leaf = (spec, value) =>
  spec?.date && !isCalendarDate(value) ? '日期或时间不存在，请填写真实的日期' : null;

/**
 * Violations with the field paths Joi would report. Dates are judged on the value as received:
 * Joi's isoDate() rewrites it (2026-02-30 becomes 2026-03-02T…) before anyone can see it; control
 * characters on the validated value, after trimming.
 */
export function inputRuleViolations(
  spec: FieldSpec | null,
  received: unknown,
  validated: unknown = received,
): FieldError[] {
  const dates = walk(dateLeaf, spec, received, [], '');
  return dates.length ? dates : walk(controlLeaf, spec, validated, [], '');
}

/** A whole value shaped like a date or date-time (`2026-02-30`, `2026-12-01T25:00`, with offset or Z). */
const DATE_SHAPED = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const dateShapedLeaf: Leaf = (_spec, value) =>
  DATE_SHAPED.test(value) && !isCalendarDate(value) ? '日期或时间不存在，请填写真实的日期' : null;

/**
 * Contract routes: any text that is shaped like a date (the whole value) must name a real one.
 * Judged on the value as received, whatever schema the route declares, so no date field of any
 * route can accept 2026-02-30 (issue #11's rule, kept for zod schemas whose patterns check shape only).
 */
export function impossibleDates(received: unknown): FieldError[] {
  return walk(dateShapedLeaf, null, received, [], '');
}
