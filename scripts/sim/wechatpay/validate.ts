// Body checks shared by the APIv3 routes; each failure is the PARAM_ERROR WeChat Pay gives.
import { paramError } from './errors';
import type { SimResponse } from './types';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: SimResponse };

export function parseJsonObject(body: string): Checked<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { ok: true, value: value as Record<string, unknown> };
    }
  } catch {
    // fall through
  }
  return { ok: false, error: paramError('', '请求体不是合法的JSON对象') };
}

export function str(
  obj: Record<string, unknown>,
  field: string,
  opts: { min?: number; max: number; pattern?: RegExp; optional?: boolean; path?: string },
): Checked<string | undefined> {
  const path = opts.path ?? field;
  const value = obj[field];
  if (value === undefined || value === null) {
    return opts.optional ? { ok: true, value: undefined } : { ok: false, error: paramError(path, '为必填字段') };
  }
  if (typeof value !== 'string') return { ok: false, error: paramError(path, '应为字符串') };
  const length = [...value].length;
  if (length < (opts.min ?? 1) || length > opts.max) {
    return { ok: false, error: paramError(path, `长度应在${opts.min ?? 1}到${opts.max}之间`) };
  }
  if (opts.pattern && !opts.pattern.test(value)) return { ok: false, error: paramError(path, '格式不正确') };
  return { ok: true, value };
}

export function positiveInt(obj: Record<string, unknown>, field: string, path: string): Checked<number> {
  const value = obj[field];
  if (value === undefined) return { ok: false, error: paramError(path, '为必填字段') };
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > 1e11) {
    return { ok: false, error: paramError(path, '应为大于0的整数（单位：分）') };
  }
  return { ok: true, value };
}

export function obj(parent: Record<string, unknown>, field: string): Checked<Record<string, unknown>> {
  const value = parent[field];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: paramError(field, '为必填对象') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Out-trade / out-refund numbers: 6-32 of digits, letters and _-|*. */
export const MERCHANT_NO = /^[A-Za-z0-9_\-|*]{6,32}$/;
/** WeChat Pay requires https in production; the simulator also takes http so it can reach a local BFF. */
export const NOTIFY_URL = /^https?:\/\/[^\s?#]+$/;

/** Key-sorted JSON, so the same order body sent twice compares equal whatever its key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
