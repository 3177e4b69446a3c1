// Identifier and time formats of WeChat Pay: prepay ids, transaction/refund ids, RFC 3339 in Beijing time.
import { randomBytes, randomInt } from 'node:crypto';

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

function digits(n: number): string {
  let out = '';
  while (out.length < n) out += String(randomInt(0, 10));
  return out;
}

/** `yyyyMMddHHmmss` in Beijing time. */
function compactTime(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

/** `2018-06-08T10:34:56+08:00`, the format of every time field in APIv3. */
export function rfc3339(ms: number): string {
  return `${new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** `2018-06-08 10:34:56` (Beijing), the bill file's time format. */
export function billTime(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2018-06-08` (Beijing), the day a bill covers. */
export function beijingDate(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function parseRfc3339(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function prepayId(now: number): string {
  return `wx${compactTime(now)}${randomBytes(11).toString('hex')}`.slice(0, 36);
}

export function transactionId(now: number): string {
  return `4200${digits(6)}${compactTime(now).slice(0, 8)}${digits(10)}`;
}

export function refundId(now: number): string {
  return `50${digits(9)}${compactTime(now).slice(0, 8)}${digits(10)}`;
}
