/**
 * The one HTTP client of the admin portal (fetch based).
 *
 * - Adds `Authorization: Bearer <accessToken>` unless `auth: false`.
 * - Unwraps `{ data }`; turns `{ error: { code, message, details } }` into `ApiRequestError`.
 * - On 401 `AUTH_TOKEN_EXPIRED` refreshes once via `/api/admin/auth/refresh` and retries; a 401 that
 *   means the session is gone (`AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, a refused refresh such as
 *   `AUTH_SESSION_IDLE`) clears the session and hands over to the unauthorized handler (which routes
 *   to /login). Other 401 codes (wrong MFA code, wrong current password…) are plain errors.
 * - A 403 `AUTH_PASSWORD_CHANGE_REQUIRED` hands over to the password-change handler (→ /password).
 * - `token` sends an explicit bearer token (the short-lived `mfaToken`) with no session handling.
 * - Shows `ElMessage.error(message)` for failures unless `silent: true`.
 * - Aborts after `timeoutMs` (网络超时，请稍后重试); fetch failures become 网络异常.
 */
import type { ApiList } from '@zhili/shared';
import { ApiRequestError, asErrorEnvelope, clientMessages, messageFor } from './errors';
import { clearTokens, getAccessToken, getRefreshToken, setTokens } from './session';

export { ApiRequestError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  /** JSON-serialised request body. */
  body?: unknown;
  /** Attach the access token and apply 401 handling (default true). */
  auth?: boolean;
  /** Explicit bearer token (e.g. the login `mfaToken`); no refresh or session handling. */
  token?: string;
  /** Do not show an error toast; the caller renders the error itself. */
  silent?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Non-2xx statuses whose `{ data }` body is still a valid answer (e.g. 503 of /api/health). */
  dataOnStatus?: readonly number[];
}

interface RawResponse {
  status: number;
  body: unknown;
  requestId: string | null;
}

const REFRESH_PATH = '/api/admin/auth/refresh';
const DEFAULT_TIMEOUT_MS = Number(import.meta.env.VITE_HTTP_TIMEOUT_MS) || 15_000;

/** 401 codes meaning the session itself is unusable (anything else is an ordinary error). */
const SESSION_ENDING_CODES: ReadonlySet<string> = new Set([
  'AUTH_REQUIRED',
  'AUTH_TOKEN_INVALID',
  'AUTH_TOKEN_EXPIRED',
  'AUTH_SESSION_IDLE',
]);

let unauthorizedHandler: ((reason: string) => void) | null = null;
let passwordChangeHandler: (() => void) | null = null;

/**
 * Registered once at startup (router + store live outside this module to avoid import cycles).
 * `reason` is the error code that ended the session (e.g. `AUTH_SESSION_IDLE`).
 */
export function setUnauthorizedHandler(handler: (reason: string) => void): void {
  unauthorizedHandler = handler;
}

/** Called when the BFF answers 403 `AUTH_PASSWORD_CHANGE_REQUIRED`. */
export function setPasswordChangeHandler(handler: () => void): void {
  passwordChangeHandler = handler;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One fetch with timeout; the body is read inside the timeout window too. */
async function send(path: string, opts: RequestOptions, token: string | null): Promise<RawResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const forwardAbort = (): void => controller.abort();
  opts.signal?.addEventListener('abort', forwardAbort, { once: true });

  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;

  try {
    const res = await fetch(buildUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: controller.signal,
      credentials: 'same-origin',
    });
    const body = await readBody(res);
    return { status: res.status, body, requestId: res.headers.get('x-request-id') };
  } catch {
    if (timedOut) throw new ApiRequestError(0, 'NETWORK_TIMEOUT', clientMessages.NETWORK_TIMEOUT);
    if (opts.signal?.aborted) throw new ApiRequestError(0, 'ABORTED', clientMessages.ABORTED);
    throw new ApiRequestError(0, 'NETWORK_ERROR', clientMessages.NETWORK_ERROR);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', forwardAbort);
  }
}

function hasData(body: unknown): body is { data: unknown } {
  return typeof body === 'object' && body !== null && 'data' in body;
}

function toError(raw: RawResponse): ApiRequestError {
  const envelope = asErrorEnvelope(raw.body);
  if (envelope) {
    return new ApiRequestError(
      raw.status,
      envelope.code,
      messageFor(envelope.code, envelope.message, raw.status),
      envelope.details ?? [],
      raw.requestId,
    );
  }
  // No envelope: a proxy or gateway answered (e.g. the BFF is down behind the dev proxy).
  const code = raw.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE';
  return new ApiRequestError(raw.status, code, messageFor(code, undefined, raw.status), [], raw.requestId);
}

/** `ok`: new tokens stored; `rejected`: the BFF refused (session is dead); `unavailable`: no answer. */
export type RefreshOutcome = 'ok' | 'rejected' | 'unavailable';

let refreshInFlight: Promise<RefreshOutcome> | null = null;
/** Why the last refresh was refused (e.g. `AUTH_SESSION_IDLE`), shown instead of "登录已过期". */
let lastRefreshError: ApiRequestError | null = null;

async function doRefresh(): Promise<RefreshOutcome> {
  lastRefreshError = null;
  const refreshToken = getRefreshToken();
  if (!refreshToken) return 'rejected';
  let raw: RawResponse;
  try {
    raw = await send(REFRESH_PATH, { method: 'POST', body: { refreshToken } }, null);
  } catch {
    return 'unavailable';
  }
  if (raw.status >= 500) return 'unavailable';
  if (raw.status >= 300 || !hasData(raw.body)) {
    if (raw.status >= 300) lastRefreshError = toError(raw);
    return 'rejected';
  }
  const pair = raw.body.data as { accessToken?: unknown; refreshToken?: unknown; expiresIn?: unknown };
  if (typeof pair.accessToken !== 'string' || typeof pair.refreshToken !== 'string') return 'rejected';
  setTokens({
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    expiresIn: typeof pair.expiresIn === 'number' ? pair.expiresIn : 0,
  });
  return 'ok';
}

/** Exchanges the refresh token for a new pair; concurrent callers share one request. Never rejects. */
export function refreshSession(): Promise<RefreshOutcome> {
  refreshInFlight ??= doRefresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Drops the session and lets the app route to the login page. */
export function expireSession(reason = 'AUTH_REQUIRED'): void {
  clearTokens();
  unauthorizedHandler?.(reason);
}

function isAccepted(raw: RawResponse, opts: RequestOptions): boolean {
  const ok = (raw.status >= 200 && raw.status < 300) || (opts.dataOnStatus?.includes(raw.status) ?? false);
  return ok && (raw.status === 204 || hasData(raw.body));
}

/** Returns an accepted response (204 normalised to `{ data: null }`) or throws its error. */
function settle(raw: RawResponse, opts: RequestOptions): RawResponse {
  if (isAccepted(raw, opts)) return raw.status === 204 ? { ...raw, body: { data: null } } : raw;
  if (raw.status >= 200 && raw.status < 300) {
    throw new ApiRequestError(raw.status, 'BAD_RESPONSE', clientMessages.BAD_RESPONSE, [], raw.requestId);
  }
  throw toError(raw);
}

async function perform(path: string, opts: RequestOptions): Promise<RawResponse> {
  if (opts.token !== undefined) return settle(await send(path, opts, opts.token), opts);
  const useAuth = opts.auth !== false;
  const token = useAuth ? getAccessToken() : null;
  const raw = await send(path, opts, token);
  if (raw.status === 403 && useAuth) notifyPasswordChange(raw);
  if (raw.status !== 401 || !useAuth) return settle(raw, opts);

  const error = toError(raw);
  if (!SESSION_ENDING_CODES.has(error.code)) throw error;
  if (error.code === 'AUTH_TOKEN_EXPIRED' && token) {
    // Another call may have refreshed meanwhile; otherwise refresh now. Retry exactly once.
    const outcome = getAccessToken() !== token ? 'ok' : await refreshSession();
    if (outcome === 'unavailable') {
      throw new ApiRequestError(0, 'NETWORK_ERROR', clientMessages.NETWORK_ERROR, [], raw.requestId);
    }
    if (outcome === 'ok') {
      const retried = await send(path, opts, getAccessToken());
      if (retried.status === 403) notifyPasswordChange(retried);
      if (retried.status !== 401) return settle(retried, opts);
      const retryError = toError(retried);
      if (!SESSION_ENDING_CODES.has(retryError.code)) throw retryError;
      expireSession(retryError.code);
      throw retryError;
    }
    const refused = lastRefreshError ?? error;
    expireSession(refused.code);
    throw refused;
  }
  expireSession(error.code);
  throw error;
}

function notifyPasswordChange(raw: RawResponse): void {
  if (asErrorEnvelope(raw.body)?.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') passwordChangeHandler?.();
}

async function showError(message: string): Promise<void> {
  const { toastError } = await import('@/ui/feedback');
  toastError(message);
}

async function run(path: string, opts: RequestOptions): Promise<RawResponse> {
  try {
    return await perform(path, opts);
  } catch (err) {
    const error =
      err instanceof ApiRequestError
        ? err
        : new ApiRequestError(0, 'NETWORK_ERROR', clientMessages.NETWORK_ERROR);
    // A session-ending 401 is explained on the login page (?reason=), not by a toast;
    // likewise AUTH_PASSWORD_CHANGE_REQUIRED: the /password page it leads to says why.
    const sessionEnded = error.status === 401 && SESSION_ENDING_CODES.has(error.code) && opts.auth !== false;
    const explained = sessionEnded || error.code === 'AUTH_PASSWORD_CHANGE_REQUIRED';
    if (!opts.silent && error.code !== 'ABORTED' && !explained) void showError(error.message);
    throw error;
  }
}

/** Performs a request and resolves to the unwrapped `data`. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const raw = await run(path, opts);
  return (raw.body as { data: T }).data;
}

/** Performs a list request and resolves to `{ data, page }`. */
export async function requestList<T>(path: string, opts: RequestOptions = {}): Promise<ApiList<T>> {
  const raw = await run(path, opts);
  const body = raw.body as { data: T[]; page?: ApiList<T>['page'] };
  return {
    data: body.data,
    page: body.page ?? { page: 1, pageSize: body.data.length, total: body.data.length },
  };
}

type BodylessOptions = Omit<RequestOptions, 'method' | 'body'>;

export const http = {
  get: <T>(path: string, opts?: BodylessOptions) => request<T>(path, { ...opts, method: 'GET' }),
  post: <T>(path: string, body?: unknown, opts?: BodylessOptions) =>
    request<T>(path, { ...opts, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, opts?: BodylessOptions) =>
    request<T>(path, { ...opts, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, opts?: BodylessOptions) =>
    request<T>(path, { ...opts, method: 'PATCH', body }),
  delete: <T>(path: string, body?: unknown, opts?: BodylessOptions) =>
    request<T>(path, { ...opts, method: 'DELETE', body }),
  list: <T>(path: string, opts?: BodylessOptions) => requestList<T>(path, { ...opts, method: 'GET' }),
};
