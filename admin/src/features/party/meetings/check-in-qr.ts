/**
 * Timing of the host's rotating check-in QR. The BFF signs a token valid for two minutes; the page
 * fetches the next one a little before the current one runs out, so a member scanning at the last
 * second still holds a valid token, and a photo of the screen passed around soon stops working.
 */

/** How long before expiry the page fetches the next token. */
export const QR_REFRESH_MARGIN_MS = 20_000;
/** Never poll faster than this, whatever the clocks say (a skewed clock must not hammer the BFF). */
export const QR_MIN_DELAY_MS = 5_000;

/** Milliseconds from `now` until the next token should be fetched. */
export function refreshDelay(expiresAt: string, now: number, margin = QR_REFRESH_MARGIN_MS): number {
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry)) return QR_MIN_DELAY_MS;
  return Math.max(QR_MIN_DELAY_MS, expiry - margin - now);
}

/** A token lives two minutes (the BFF's CHECK_IN_TOKEN_TTL_MS). */
export const QR_TTL_SECONDS = 120;

/**
 * Whole seconds the token shown is still valid (0 once expired), never more than its lifetime: a
 * browser clock a little behind the BFF's must not show 2:01.
 */
export function secondsLeft(expiresAt: string, now: number): number {
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry)) return 0;
  return Math.min(QR_TTL_SECONDS, Math.max(0, Math.ceil((expiry - now) / 1000)));
}

/** `1:05` — minutes and seconds of the countdown under the QR. */
export function countdownText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** After a failed fetch: wait 2 s, 4 s, 8 s… up to 15 s before trying again. */
export function retryDelay(failures: number): number {
  return Math.min(15_000, 2_000 * 2 ** Math.max(0, failures - 1));
}
