// Delivery of message-push events to the configured server URL, with WeChat's retries.
import { signPush } from './push-crypto';

/**
 * WeChat drops the connection after 5 s without an answer and "总共重试三次": one attempt plus
 * three retries. The receiver must answer the literal text "success" (or an empty body).
 */
export const PUSH_ATTEMPTS = 4;
export const PUSH_TIMEOUT_MS = 5000;

export interface PushOutcome {
  delivered: boolean;
  attempts: number;
  /** HTTP status (or the network error) of the last attempt. */
  last: string;
}

/** The MP admin's "原始ID" (gh_ + 12 hex) of an app, stable per appid. */
export function originalId(appid: string): string {
  let hash = 0;
  for (const ch of appid) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `gh_${hash.toString(16).padStart(8, '0')}${appid.slice(-4)}`;
}

function accepted(status: number, text: string): boolean {
  const body = text.trim();
  return status >= 200 && status < 300 && (body === 'success' || body === '');
}

/**
 * Posts `event` (JSON data format) to `target`, signed and, with an AES key, encrypted. The same
 * signed request is re-sent on retries, as WeChat re-sends one push; the receiver's replay guard
 * must therefore let a retry through when it failed to process the first attempt.
 */
export async function deliverPush(
  target: { url: string; token: string; aesKey?: string },
  appid: string,
  event: { ToUserName: string } & Record<string, unknown>,
  options: { nowMs: number; retryDelayMs: number; sleep: (ms: number) => Promise<void> },
): Promise<PushOutcome> {
  const signed = signPush(target, appid, event, options.nowMs);
  const url = new URL(target.url);
  for (const [key, value] of Object.entries(signed.query)) url.searchParams.set(key, value);
  let last = 'not attempted';
  for (let attempt = 1; attempt <= PUSH_ATTEMPTS; attempt += 1) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: signed.body,
        signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
      });
      const text = await res.text();
      last = `HTTP ${res.status}`;
      if (accepted(res.status, text)) return { delivered: true, attempts: attempt, last };
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (attempt < PUSH_ATTEMPTS) await options.sleep(options.retryDelayMs);
  }
  return { delivered: false, attempts: PUSH_ATTEMPTS, last };
}
