import { errorMessages, isErrorCode, type ErrorCode, type FieldError } from '@zhili/shared/client';

/** Failures that never reach the BFF, so they have no server-side code. */
export const ClientErrorCode = {
  /** No HTTP response at all (offline, DNS, refused, timeout). */
  NETWORK: 'NETWORK_ERROR',
  /** A response that is not our envelope (e.g. an HTML error page from a proxy). */
  BAD_RESPONSE: 'BAD_RESPONSE',
} as const;

export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];
export type AppErrorCode = ErrorCode | ClientErrorCode;

export const NETWORK_ERROR_MESSAGE = '网络异常，请检查网络';

/** A failed BFF call, typed by code; `message` is Chinese and safe to show. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  /** HTTP status, 0 when no response was received. */
  readonly status: number;
  readonly details: FieldError[];

  constructor(code: AppErrorCode, message: string, status: number, details: FieldError[] = []) {
    super(message);
    // Keep instanceof working when Babel compiles classes to ES5 for old WeChat clients.
    Object.setPrototypeOf(this, AppError.prototype);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Code for a response without an error envelope, guessed from the HTTP status. */
export function codeForStatus(status: number): AppErrorCode {
  if (status === 401) return 'AUTH_REQUIRED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'INTERNAL';
  return ClientErrorCode.BAD_RESPONSE;
}

/** The Chinese message for a code: the shared catalogue, or a client-side fallback. */
export function messageForCode(code: AppErrorCode): string {
  if (isErrorCode(code)) return errorMessages[code];
  if (code === ClientErrorCode.NETWORK) return NETWORK_ERROR_MESSAGE;
  return '服务返回了无法识别的数据，请稍后再试';
}

/** A message to show for anything thrown. */
export function describeError(error: unknown): string {
  if (isAppError(error)) return error.message;
  return '出了点问题，请稍后再试';
}
