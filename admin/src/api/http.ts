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
 * - Files both ways through the same rules: `http.upload` (multipart), `http.blob` / `http.download`.
 *
 * `request(method, path, opts)` is the generic core every typed API layer builds on.
 */
import { staffAuthRoutes } from '@zhili/shared';
import type { ApiList, ClientInput } from '@zhili/shared';
import { saveBlob, fileNameFrom } from './download';
import { ApiRequestError, asErrorEnvelope, clientMessages, messageFor } from './errors';
import { clearTokens, getAccessToken, getRefreshToken, setTokens } from './session';
import { send, type HttpMethod, type Query, type RawResponse, type ResponseType } from './transport';

export { ApiRequestError } from './errors';
export type { HttpMethod, Query, QueryValue, ResponseType } from './transport';

export interface RequestOptions {
  query?: Query;
  /** JSON-serialised request body; a `FormData` goes as multipart. */
  body?: unknown;
  /** `blob` resolves to the file instead of the `{ data }` envelope's content. */
  responseType?: ResponseType;
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

/** What `send` needs besides method and path, with the default timeout applied. */
interface Call extends RequestOptions {
  method: HttpMethod;
}

/**
 * The token refresh goes by its contract route but not through `api()`: it is part of the 401
 * handling below (no bearer token, no retry of its own, its refusal ends the session).
 */
const REFRESH = staffAuthRoutes.refresh;
const DEFAULT_TIMEOUT_MS = Number(import.meta.env.VITE_HTTP_TIMEOUT_MS) || 15_000;
/** Uploads and downloads carry files: a slow link needs longer than a JSON call. */
const FILE_TIMEOUT_MS = 120_000;

function exchange(path: string, call: Call, token: string | null): Promise<RawResponse> {
  return send(call.method, path, { ...call, timeoutMs: call.timeoutMs ?? DEFAULT_TIMEOUT_MS }, token);
}

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
  const body: ClientInput<typeof REFRESH>['body'] = { refreshToken };
  let raw: RawResponse;
  try {
    raw = await exchange(REFRESH.path, { method: REFRESH.method, body }, null);
  } catch {
    return 'unavailable';
  }
  if (raw.status >= 500) return 'unavailable';
  if (raw.status >= 300 || !hasData(raw.body)) {
    if (raw.status >= 300) lastRefreshError = toError(raw);
    return 'rejected';
  }
  // The new pair replaces the stored one only when it is what the contract says it is.
  const pair = REFRESH.response.safeParse(raw.body.data);
  if (!pair.success) return 'rejected';
  setTokens(pair.data);
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
  if (ok && opts.responseType === 'blob') return raw.body instanceof Blob;
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

async function perform(path: string, opts: Call): Promise<RawResponse> {
  if (opts.token !== undefined) return settle(await exchange(path, opts, opts.token), opts);
  const useAuth = opts.auth !== false;
  const token = useAuth ? getAccessToken() : null;
  const raw = await exchange(path, opts, token);
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
      const retried = await exchange(path, opts, getAccessToken());
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

async function run(path: string, opts: Call): Promise<RawResponse> {
  try {
    return await perform(path, opts);
  } catch (err) {
    const error =
      err instanceof ApiRequestError ? err : new ApiRequestError(0, 'NETWORK_ERROR', clientMessages.NETWORK_ERROR);
    // A session-ending 401 is explained on the login page (?reason=), not by a toast;
    // likewise AUTH_PASSWORD_CHANGE_REQUIRED: the /password page it leads to says why.
    const sessionEnded = error.status === 401 && SESSION_ENDING_CODES.has(error.code) && opts.auth !== false;
    const explained = sessionEnded || error.code === 'AUTH_PASSWORD_CHANGE_REQUIRED';
    if (!opts.silent && error.code !== 'ABORTED' && !explained) void showError(error.message);
    throw error;
  }
}

/** The generic core: performs a request and resolves to the unwrapped `data`. */
export async function request<T>(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
  const raw = await run(path, { ...opts, method });
  return (raw.body as { data: T }).data;
}

/** Performs a list request and resolves to `{ data, page }`. */
export async function requestList<T>(path: string, opts: RequestOptions = {}): Promise<ApiList<T>> {
  const raw = await run(path, { ...opts, method: 'GET' });
  const body = raw.body as { data: T[]; page?: ApiList<T>['page'] };
  return {
    data: body.data,
    page: body.page ?? { page: 1, pageSize: body.data.length, total: body.data.length },
  };
}

type BodylessOptions = Omit<RequestOptions, 'body' | 'responseType'>;
/** File transfers: silent unless asked, since their callers say what failed in their own words. */
type FileOptions = Pick<RequestOptions, 'query' | 'signal' | 'silent' | 'timeoutMs'>;

async function fetchFile(path: string, opts: FileOptions): Promise<RawResponse> {
  return run(path, { silent: true, timeoutMs: FILE_TIMEOUT_MS, ...opts, method: 'GET', responseType: 'blob' });
}

export const http = {
  get: <T>(path: string, opts?: BodylessOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: BodylessOptions) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: BodylessOptions) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: BodylessOptions) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T>(path: string, body?: unknown, opts?: BodylessOptions) => request<T>('DELETE', path, { ...opts, body }),
  list: <T>(path: string, opts?: BodylessOptions) => requestList<T>(path, opts),
  /** Multipart `POST` (e.g. a photo or an Excel file) answered with the usual `{ data }` envelope. */
  upload: <T>(path: string, form: FormData, opts?: FileOptions) =>
    request<T>('POST', path, { silent: true, timeoutMs: FILE_TIMEOUT_MS, ...opts, body: form }),
  /** A file answer as a blob (the caller decides what to do with it). */
  blob: async (path: string, opts: FileOptions = {}): Promise<Blob> => (await fetchFile(path, opts)).body as Blob,
  /** Downloads a file and hands it to the browser; resolves to the name it was saved under. */
  download: async (path: string, fallbackName: string, opts: FileOptions = {}): Promise<string> => {
    const raw = await fetchFile(path, opts);
    const name = fileNameFrom(raw.headers.get('content-disposition'), fallbackName);
    saveBlob(raw.body as Blob, name);
    return name;
  },
};
