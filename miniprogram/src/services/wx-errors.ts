/**
 * What a failed WeChat API call (getLocation, chooseMedia, chooseLocation, …) means for the user.
 * WeChat rejects with `{ errMsg, errno? }`; browsers with their own messages. Pure.
 *
 * - `cancelled`: the user closed a picker — nothing to say;
 * - `denied`: the permission (scope) was refused — guide to the settings;
 * - `privacy`: the privacy agreement was not accepted (errno 104) — explain and offer to retry;
 * - `privacy-undeclared`: the API is missing from the privacy guide (errno 112, a configuration
 *   fault) — explain, retrying may help after an update;
 * - `unsupported`: the platform has no such API (h5) — use a fallback;
 * - `failed`: anything else (GPS off, timeout).
 */
export type WxFailureKind = 'cancelled' | 'denied' | 'privacy' | 'privacy-undeclared' | 'unsupported' | 'failed';

function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const e = error as { errMsg?: unknown; message?: unknown };
    if (typeof e.errMsg === 'string') return e.errMsg;
    if (typeof e.message === 'string') return e.message;
  }
  return '';
}

function errnoOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const errno = (error as { errno?: unknown }).errno;
  return typeof errno === 'number' ? errno : null;
}

export function classifyWxFailure(error: unknown): WxFailureKind {
  const errno = errnoOf(error);
  const msg = messageOf(error);
  if (errno === 104 || /privacy permission is not authorized/i.test(msg)) return 'privacy';
  if (errno === 112 || /not declared in the privacy/i.test(msg)) return 'privacy-undeclared';
  if (/cancel/i.test(msg)) return 'cancelled';
  if (/auth den|auth deny|authorize no response|permission denied|user denied|scope unauthorized/i.test(msg))
    return 'denied';
  if (/not ?support|暂时不支持|is not a function/i.test(msg)) return 'unsupported';
  return 'failed';
}
