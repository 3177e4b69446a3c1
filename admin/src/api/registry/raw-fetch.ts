/**
 * Requests the JSON client cannot make: multipart uploads and binary downloads. Same session rules
 * as `http.ts` (bearer token, one refresh on an expired token, session end on other 401s), and the
 * same error type, but the body is a `FormData` in and a `Blob` out.
 */
import { ApiRequestError, asErrorEnvelope, clientMessages, messageFor } from '../errors';
import { expireSession, refreshSession } from '../http';
import { getAccessToken } from '../session';

const TIMEOUT_MS = 120_000;

async function sendOnce(path: string, init: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const headers = new Headers(init.headers);
  const token = getAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(path, { ...init, headers, signal: controller.signal, credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, controller.signal.aborted ? 'NETWORK_TIMEOUT' : 'NETWORK_ERROR',
      controller.signal.aborted ? clientMessages.NETWORK_TIMEOUT : clientMessages.NETWORK_ERROR);
  } finally {
    clearTimeout(timer);
  }
}

async function errorOf(res: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = (await res.json()) as unknown;
  } catch {
    // not JSON (proxy error page)
  }
  const envelope = asErrorEnvelope(body);
  const code = envelope?.code ?? (res.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE');
  return new ApiRequestError(res.status, code, messageFor(code, envelope?.message, res.status), envelope?.details ?? [], res.headers.get('x-request-id'));
}

/** Fetches with the session's token; resolves only to a 2xx response, otherwise throws. */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let res = await sendOnce(path, init);
  if (res.status === 401) {
    const error = await errorOf(res);
    if (error.code !== 'AUTH_TOKEN_EXPIRED') {
      if (error.code === 'AUTH_REQUIRED' || error.code === 'AUTH_TOKEN_INVALID' || error.code === 'AUTH_SESSION_IDLE') expireSession(error.code);
      throw error;
    }
    const outcome = await refreshSession();
    if (outcome !== 'ok') {
      if (outcome === 'rejected') expireSession(error.code);
      throw error;
    }
    res = await sendOnce(path, init);
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

/** File name from `Content-Disposition` (RFC 5987 `filename*` first), else the fallback. */
export function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/** Downloads `path` and hands the file to the browser through a temporary blob link. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await authorizedFetch(path, { headers: { Accept: '*/*' } });
  const blob = await res.blob();
  const name = fileNameOf(res, fallbackName);
  saveBlob(blob, name);
  return name;
}

/** Saves a blob as a file (temporary object URL, revoked after the click). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
