import { randomUUID } from 'crypto';

/**
 * Request generators for the route-walking bad-input test: from an OpenAPI document, plausible
 * requests for every operation and, derived from them, the bad ones (wrong types, missing fields,
 * control characters, impossible dates, deep nesting, huge values).
 */

export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  nullable?: boolean;
  minimum?: number;
}

export interface Operation {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; schema?: JsonSchema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

/**
 * Whether an operation answers errors in a document format of its own (Open311 GeoReport: the
 * spec's error list, as JSON or XML by the path's suffix) rather than our JSON envelope: its
 * documented 4XX answer is also XML.
 */
export const hasOwnErrorDocuments = (op: Operation): boolean => Boolean(op.responses?.['4XX']?.content?.['text/xml']);

/**
 * The error list of such an operation: `[{ code, description }]` with a 4xx code and a description
 * for every item, as JSON, or the same as `<errors><error><code>…</code><description>…` in XML.
 */
export function isErrorDocument(text: string): boolean {
  if (text.startsWith('<?xml')) {
    const items = [
      ...text.matchAll(/<error>\s*<code>(\d+)<\/code>\s*<description>([^<]+)<\/description>\s*<\/error>/g),
    ];
    return /<errors>[\s\S]*<\/errors>\s*$/.test(text) && items.length > 0 && items.every((m) => /^4\d\d$/.test(m[1]));
  }
  try {
    const list = JSON.parse(text) as unknown;
    return (
      Array.isArray(list) &&
      list.length > 0 &&
      list.every(
        (e: { code?: unknown; description?: unknown }) =>
          typeof e?.code === 'number' &&
          e.code >= 400 &&
          e.code < 500 &&
          typeof e.description === 'string' &&
          e.description.length > 0,
      )
    );
  } catch {
    return false;
  }
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** One request to send: `body` undefined = none; a string is sent as is with `contentType`. */
export interface Probe {
  label: string;
  path: string;
  query?: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
}

export const CONTROL_STRINGS = ['a\u0000b', 'a\u0007\u001bb', 'a\u0085b'];
export const BAD_DATES = ['2026-13-45', '2026-02-30', '2026-04-31T25:61:00Z'];
const DATE_NAME = /date|^from$|^to$|since|until|At$|expir|visited/i;
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

export class ProbeFactory {
  constructor(
    private readonly doc: OpenApi,
    /** Values for names the walk knows (regionId → an existing region…). */
    private readonly known: Record<string, unknown>,
  ) {}

  resolve(schema: JsonSchema | undefined): JsonSchema {
    let s = schema ?? {};
    for (let i = 0; s.$ref && i < 10; i += 1)
      s = this.doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
    return s;
  }

  /** A value the field would plausibly accept. */
  plausible(name: string, raw: JsonSchema | undefined, depth = 0): unknown {
    const s = this.resolve(raw);
    if (name in this.known) return this.known[name];
    if (s.enum?.length) return s.enum[0];
    if (s.example !== undefined) return s.example;
    switch (s.type) {
      case 'integer':
      case 'number':
        return s.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 4 ? [] : [this.plausible(name, s.items, depth + 1)];
      case 'object':
        return depth > 4 ? {} : this.object(s, depth + 1);
      default:
        if (s.format === 'date') return '2026-12-01';
        if (s.format === 'date-time' || DATE_NAME.test(name)) return '2026-12-01T08:00:00+08:00';
        if (/(^id$|Id$)/.test(name)) return randomUUID();
        if (/phone/i.test(name)) return '13812345678';
        return s.properties ? this.object(s, depth + 1) : 'abc';
    }
  }

  object(s: JsonSchema, depth = 0): Record<string, unknown> {
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, this.plausible(k, v, depth)]));
  }

  /** Values of the wrong JSON type for a field. */
  wrongTypes(raw: JsonSchema | undefined): unknown[] {
    const s = this.resolve(raw);
    switch (s.type) {
      case 'integer':
      case 'number':
        return ['abc', { n: 1 }, 1.5, -1e308];
      case 'boolean':
        return ['maybe', 2];
      case 'array':
        return ['x', { a: 1 }, [{ a: 1 }], [null]];
      case 'object':
        return ['x', 1, []];
      default:
        return [12345, true, { a: 1 }, ['a'], null];
    }
  }

  /** Path params filled with `value` (a plausible one per name when undefined). */
  fill(template: string, op: Operation, value?: string): string {
    return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (value !== undefined) return value;
      const param = op.parameters?.find((p) => p.in === 'path' && p.name === name);
      return encodeURIComponent(String(this.plausible(name, param?.schema)));
    });
  }

  /**
   * Every probe of one operation; `full` = also the per-field ones (the caller reaches the handler),
   * `heavy` = also the ~1 MB bodies (sent once per operation: they cost time, not coverage).
   */
  probes(template: string, method: string, op: Operation, full: boolean, heavy = true): Probe[] {
    const path = this.fill(template, op);
    const out: Probe[] = [];
    const query = (op.parameters ?? []).filter((p) => p.in === 'query');
    // A form body's fields are probed as JSON too (the same fields, any shape a client may send).
    const content = op.requestBody?.content;
    const bodySchema = this.resolve(
      content?.['application/json']?.schema ?? content?.['application/x-www-form-urlencoded']?.schema,
    );
    const hasBody = method !== 'get' && method !== 'delete';
    const base = hasBody ? this.object(bodySchema) : undefined;
    out.push({ label: 'plausible', path, body: base });
    if (hasBody) {
      out.push(
        { label: 'no body', path },
        { label: 'deep nesting', path, raw: nested(5000), contentType: 'application/json' },
        { label: 'JSON array', path, raw: '[1,2]', contentType: 'application/json' },
        { label: 'JSON null', path, raw: 'null', contentType: 'application/json' },
        { label: 'malformed JSON', path, raw: '{"a":', contentType: 'application/json' },
        {
          label: 'multipart garbage',
          path,
          raw: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nzz',
          contentType: 'multipart/form-data; boundary=x',
        },
        {
          label: 'form body',
          path,
          raw: 'a[b][c][d][e][f][g]=1&a=2',
          contentType: 'application/x-www-form-urlencoded',
        },
      );
      if (heavy) out.push({ label: 'over 1 MB', path, body: { ...base, pad: 'x'.repeat(1_100_000) } });
    }
    if (!full) return out;
    if (template.includes('{')) {
      for (const bogus of ['x', '-1', '1e309', "'or'1'='1", '%00', '%E0%A4%A', 'a'.repeat(300), '..%2F..%2Fetc']) {
        out.push({ label: `path ${bogus.slice(0, 12)}`, path: this.fill(template, op, bogus), body: base });
      }
    }
    for (const p of query) {
      for (const v of ['abc', BAD_DATES[0], CONTROL_STRINGS[0], 'x'.repeat(3000)]) {
        out.push({ label: `query ${p.name}=${v.slice(0, 12)}`, path, query: `${p.name}=${encodeURIComponent(v)}` });
      }
      out.push({ label: `query ${p.name} twice`, path, query: `${p.name}=a&${p.name}=b` });
    }
    if (!hasBody) return out;
    const fields = Object.entries(bodySchema.properties ?? {}).map(
      ([field, raw]) => [field, this.resolve(raw)] as const,
    );
    out.push({ label: 'empty object', path, body: {} });
    if (heavy)
      out.push({ label: 'just under 1 MB', path, body: { ...base, [fields[0]?.[0] ?? 'pad']: 'x'.repeat(1_000_000) } });
    const arrayField = fields.find(([, s]) => s.type === 'array');
    if (arrayField && heavy)
      out.push({
        label: `${arrayField[0]} huge array`,
        path,
        body: { ...base, [arrayField[0]]: new Array(150_000).fill(this.plausible(arrayField[0], arrayField[1].items)) },
      });
    for (const req of bodySchema.required ?? []) {
      const rest = { ...base };
      delete rest[req];
      out.push({ label: `missing ${req}`, path, body: rest });
    }
    for (const [field, s] of fields) {
      for (const wrong of this.wrongTypes(s).slice(0, 3))
        out.push({ label: `${field}=${JSON.stringify(wrong)}`, path, body: { ...base, [field]: wrong } });
      if (s.type === 'string' || s.type === undefined) {
        out.push({ label: `${field} control`, path, body: { ...base, [field]: CONTROL_STRINGS[0] } });
        out.push({ label: `${field} C1 control`, path, body: { ...base, [field]: CONTROL_STRINGS[2] } });
        for (const d of DATE_NAME.test(field) || s.format?.startsWith('date') ? BAD_DATES : BAD_DATES.slice(0, 1)) {
          out.push({ label: `${field}=${d}`, path, body: { ...base, [field]: d } });
        }
        out.push({ label: `${field} 5k`, path, body: { ...base, [field]: 'x'.repeat(5000) } });
      }
      if (s.type === 'array' && s.items)
        out.push({ label: `${field}[0] wrong`, path, body: { ...base, [field]: [this.wrongTypes(s.items)[0]] } });
    }
    return out;
  }
}
