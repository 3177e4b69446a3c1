import { caseLimits, normalizeMobile } from '@zhili/shared';
import { badRequest } from './open311-error';
import { single } from './open311-params';

/** A POST Service Request form after validation (WGS84 still: converted by the intake). */
export interface Open311PostForm {
  serviceCode: string;
  /** WGS84 `[lng, lat]`. */
  point: [number, number] | null;
  addressString: string | null;
  addressId: string | null;
  description: string;
  phone: string | null;
  reporterName: string | null;
  mediaUrl: string | null;
  accountId: string | null;
}

/** Longest media URL we keep (it is stored in a timeline note of ≤ 500 characters). */
const MEDIA_URL_MAX = 400;
const PHONE = /^\+?[\d\s-]{5,20}$/;
const CJK = /[\u3400-\u9fff]/;

function number(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^[+-]?\d+(\.\d+)?$/.test(raw) || value < min || value > max)
    throw badRequest(`${name} 应为 ${min} 到 ${max} 之间的数字（WGS84）`);
  return value;
}

function bounded(raw: string | undefined, name: string, max: number): string | null {
  if (raw === undefined) return null;
  if (Array.from(raw).length > max) throw badRequest(`${name} 不能超过 ${max} 个字符`);
  return raw;
}

/** Chinese names are family name first without a space; others "given family". */
export function reporterNameOf(first: string | null, last: string | null): string | null {
  if (!first && !last) return null;
  const cjk = CJK.test(`${first ?? ''}${last ?? ''}`);
  return (cjk ? `${last ?? ''}${first ?? ''}` : [first, last].filter(Boolean).join(' ')).slice(0, 64);
}

/**
 * Reads and checks a POST Service Request form (application/x-www-form-urlencoded). Every problem
 * found is reported at once, as the spec's error list allows. `email`, `device_id` and
 * `attribute[…]` are accepted and not kept (we define no attributes and store no e-mail).
 */
export function parsePostForm(body: Record<string, unknown>): Open311PostForm {
  const problems: string[] = [];
  const take = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
      return undefined;
    }
  };
  const text = (name: string) => take(() => single(body[name], name));
  const serviceCode = text('service_code');
  if (!serviceCode) problems.push('缺少 service_code');
  const lat = take(() => number(text('lat'), 'lat', -90, 90));
  const lng = take(() => number(text('long'), 'long', -180, 180));
  if ((lat === undefined) !== (lng === undefined)) problems.push('lat 和 long 须同时提供');
  const point: [number, number] | null = lat !== undefined && lng !== undefined ? [lng, lat] : null;
  const addressString = take(() => bounded(text('address_string'), 'address_string', caseLimits.address.max)) ?? null;
  const addressId = take(() => bounded(text('address_id'), 'address_id', 64)) ?? null;
  if (!point && !addressString && !addressId)
    problems.push('须提供位置：lat 与 long，或 address_string，或 address_id');
  const description = text('description');
  const { min, max } = caseLimits.description;
  if (!description || Array.from(description).length < min) problems.push(`description 须填写 ${min}–${max} 个字`);
  else if (Array.from(description).length > max) problems.push(`description 不能超过 ${max} 个字`);
  const phoneRaw = text('phone');
  if (phoneRaw && !PHONE.test(phoneRaw)) problems.push('phone 格式不正确');
  const first = take(() => bounded(text('first_name'), 'first_name', 32)) ?? null;
  const last = take(() => bounded(text('last_name'), 'last_name', 32)) ?? null;
  const mediaUrl = take(() => bounded(text('media_url'), 'media_url', MEDIA_URL_MAX)) ?? null;
  if (mediaUrl && !isHttpUrl(mediaUrl)) problems.push('media_url 应为 http(s) 链接');
  const accountId = take(() => bounded(text('account_id'), 'account_id', 64)) ?? null;
  if (problems.length) throw badRequest(problems);
  return {
    serviceCode: serviceCode as string,
    point,
    addressString,
    addressId,
    description: description as string,
    phone: phoneRaw ? (normalizeMobile(phoneRaw) ?? phoneRaw.replace(/\s/g, '')) : null,
    reporterName: reporterNameOf(first, last),
    mediaUrl,
    accountId,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
