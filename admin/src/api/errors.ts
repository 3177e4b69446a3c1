import { errorMessages, type ApiError, type ErrorCode } from '@zhili/shared';

/** Error codes produced by the client itself (never sent by the BFF). */
export type ClientErrorCode = 'NETWORK_TIMEOUT' | 'NETWORK_ERROR' | 'BAD_RESPONSE' | 'ABORTED';

/** Known codes, still open to codes newer than this build of `@zhili/shared`. */
export type AnyErrorCode = ErrorCode | ClientErrorCode | (string & Record<never, never>);

export type FieldError = NonNullable<ApiError['error']['details']>[number];

export const clientMessages: Record<ClientErrorCode, string> = {
  NETWORK_TIMEOUT: '网络超时，请稍后重试',
  NETWORK_ERROR: '网络异常，请检查网络后重试',
  BAD_RESPONSE: '服务器响应异常，请稍后重试',
  ABORTED: '请求已取消',
};

/** A failed API call: BFF error envelope, HTTP failure, timeout or network failure. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    /** HTTP status; 0 when no response arrived (timeout, network failure, abort). */
    readonly status: number,
    readonly code: AnyErrorCode,
    message: string,
    readonly details: readonly FieldError[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
  }

  /** True when the error came from the client side (no usable response). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiRequestError(value: unknown): value is ApiRequestError {
  return value instanceof ApiRequestError;
}

/** Chinese message for a code: server message first, then the shared catalogue, then a fallback. */
export function messageFor(code: string, serverMessage: string | undefined, status: number): string {
  if (serverMessage) return serverMessage;
  const known = (errorMessages as Record<string, string | undefined>)[code];
  if (known) return known;
  const client = (clientMessages as Record<string, string | undefined>)[code];
  if (client) return client;
  return `请求失败（HTTP ${status}）`;
}

/** Narrows an unknown JSON body to the BFF error envelope. */
export function asErrorEnvelope(body: unknown): ApiError['error'] | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error: unknown = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const e = error as Record<string, unknown>;
  if (typeof e.code !== 'string' || typeof e.message !== 'string') return null;
  const details = Array.isArray(e.details) ? (e.details as FieldError[]) : undefined;
  return { code: e.code as ErrorCode, message: e.message, ...(details ? { details } : {}) };
}
