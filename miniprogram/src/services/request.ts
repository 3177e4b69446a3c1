import Taro from '@tarojs/taro';
import { isApiError, type ApiList, type PageInfo, type TokenPair } from '@zhili/shared/client';
import { AppError, ClientErrorCode, codeForStatus, messageForCode, NETWORK_ERROR_MESSAGE } from './errors';
import { clearSession, getSession, saveTokens } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** JSON body (or query for GET). */
  data?: object;
  /** Send the access token and handle 401s (default true). */
  auth?: boolean;
  /** Do not toast the error; the caller shows it (default false). */
  silent?: boolean;
  /** Non-2xx statuses whose `{ data }` body is still a valid answer (e.g. 503 from /api/health). */
  acceptStatus?: number[];
}

/** BFF origin: '' (same origin) in h5; TARO_APP_API_BASE or the local BFF in weapp. */
export const API_BASE: string = ZHILI_API_BASE;

const TIMEOUT_MS = 15000;
/** Photos on a weak mobile network take longer than JSON calls. */
const UPLOAD_TIMEOUT_MS = 60000;

/**
 * Called when the session is gone for good (refresh failed, token invalid). Resolves true when a
 * new session was obtained and the request may be retried. Registered by services/auth.ts so this
 * module does not depend on the login flow.
 */
type ReloginHandler = () => Promise<boolean>;
let reloginHandler: ReloginHandler = () => Promise.resolve(false);
export function setReloginHandler(handler: ReloginHandler): void {
  reloginHandler = handler;
}

interface RawResponse {
  status: number;
  body: unknown;
}

async function send(path: string, options: RequestOptions, accessToken: string | null): Promise<RawResponse> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  try {
    const res = await Taro.request<unknown>({
      url: `${API_BASE}${path}`,
      method: options.method ?? 'GET',
      data: options.data,
      header,
      dataType: 'json',
      timeout: TIMEOUT_MS,
    });
    return { status: res.statusCode, body: res.data };
  } catch {
    throw new AppError(ClientErrorCode.NETWORK, NETWORK_ERROR_MESSAGE, 0);
  }
}

function hasData(body: unknown): body is { data: unknown } {
  return typeof body === 'object' && body !== null && 'data' in body;
}

function toError(res: RawResponse): AppError {
  if (isApiError(res.body)) {
    const { code, message, details } = res.body.error;
    return new AppError(code, message || messageForCode(code), res.status, details ?? []);
  }
  const code = codeForStatus(res.status);
  return new AppError(code, messageForCode(code), res.status);
}

// One refresh at a time: concurrent 401s all wait for the same promise.
let refreshing: Promise<boolean> | null = null;

async function doRefresh(): Promise<boolean> {
  const session = getSession();
  if (!session) return false;
  try {
    const res = await send(
      '/api/mp/auth/refresh',
      { method: 'POST', data: { refreshToken: session.refreshToken } },
      null,
    );
    if (res.status >= 200 && res.status < 300 && hasData(res.body)) {
      saveTokens(res.body.data as TokenPair);
      return true;
    }
    return false;
  } catch {
    return false;
  }
}

function refreshOnce(): Promise<boolean> {
  if (!refreshing) {
    refreshing = doRefresh().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** Refreshes the access token (shared with concurrent HTTP refreshes), e.g. for the task socket. */
export function refreshAccessToken(): Promise<boolean> {
  return refreshOnce();
}

let relogging: Promise<boolean> | null = null;
function reloginOnce(): Promise<boolean> {
  if (!relogging) {
    clearSession();
    relogging = reloginHandler()
      .catch(() => false)
      .finally(() => {
        relogging = null;
      });
  }
  return relogging;
}

/**
 * Decide what a 401 means for an authenticated call: true = retry with the (new) current token.
 * AUTH_TOKEN_EXPIRED refreshes once; anything else, or a failed refresh, starts a new login.
 */
async function recoverFrom401(res: RawResponse, usedToken: string | null): Promise<boolean> {
  const current = getSession()?.accessToken ?? null;
  // Another call already refreshed or re-logged in while this one was in flight.
  if (current && current !== usedToken) return true;
  if (isApiError(res.body) && res.body.error.code === 'AUTH_TOKEN_EXPIRED' && (await refreshOnce())) return true;
  return reloginOnce();
}

function toast(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
}

/** Sends with the current token, recovering once from a 401 (refresh or new login). */
async function sendAuthorized(
  options: RequestOptions,
  attempt: (token: string | null) => Promise<RawResponse>,
): Promise<RawResponse> {
  const auth = options.auth ?? true;
  let token = auth ? (getSession()?.accessToken ?? null) : null;
  let res = await attempt(token);
  if (auth && res.status === 401 && (await recoverFrom401(res, token))) {
    token = getSession()?.accessToken ?? null;
    res = await attempt(token);
  }
  return res;
}

/** The whole success body (`{ data }` or `{ data, page }`); throws AppError and toasts unless silent. */
async function call(
  options: RequestOptions,
  attempt: (token: string | null) => Promise<RawResponse>,
): Promise<{ data: unknown }> {
  try {
    const res = await sendAuthorized(options, attempt);
    const accepted = (res.status >= 200 && res.status < 300) || (options.acceptStatus ?? []).includes(res.status);
    if (accepted && hasData(res.body) && !isApiError(res.body)) return res.body;
    throw toError(res);
  } catch (error) {
    const appError =
      error instanceof AppError
        ? error
        : new AppError(ClientErrorCode.BAD_RESPONSE, messageForCode(ClientErrorCode.BAD_RESPONSE), 0);
    if (!options.silent) toast(appError.message);
    throw appError;
  }
}

/**
 * Call the BFF and return the `data` of its `{ data }` envelope.
 * Throws AppError (typed code, Chinese message) and toasts it unless `silent`.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const body = await call(options, (token) => send(path, options, token));
  return body.data as T;
}

/** A paginated list: the `{ data, page }` envelope as it is. */
export async function requestList<T>(path: string, options: RequestOptions = {}): Promise<ApiList<T>> {
  const body = await call(options, (token) => send(path, options, token));
  const page = (body as { page?: PageInfo }).page;
  if (!Array.isArray(body.data) || !page)
    throw new AppError(ClientErrorCode.BAD_RESPONSE, messageForCode(ClientErrorCode.BAD_RESPONSE), 0);
  return { data: body.data as T[], page };
}

/**
 * Upload a local file (a path from chooseImage / chooseMedia) as multipart field `file` and return
 * the `data` of the answer. Same token handling and errors as `request`.
 */
export async function uploadFile<T>(
  path: string,
  filePath: string,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<T> {
  const attempt = async (token: string | null): Promise<RawResponse> => {
    try {
      const res = await Taro.uploadFile({
        url: `${API_BASE}${path}`,
        filePath,
        name: 'file',
        header: token ? { Authorization: `Bearer ${token}` } : {},
        timeout: UPLOAD_TIMEOUT_MS,
      });
      // uploadFile answers the body as text in both weapp and h5.
      let body: unknown = res.data;
      try {
        body = typeof res.data === 'string' ? JSON.parse(res.data) : res.data;
      } catch {
        body = null;
      }
      return { status: res.statusCode, body };
    } catch {
      throw new AppError(ClientErrorCode.NETWORK, NETWORK_ERROR_MESSAGE, 0);
    }
  };
  const body = await call({ method: 'POST', silent: options.silent }, attempt);
  return body.data as T;
}
