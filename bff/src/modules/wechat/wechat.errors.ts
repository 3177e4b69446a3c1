import type { ErrorCode } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';

/**
 * WeChat errcodes we expect from the server APIs we call, mapped to our catalogue. Anything not
 * listed is treated as the platform being unavailable. See the simulator's README for sources.
 */
const ERRCODE_MAP: Record<number, ErrorCode> = {
  40029: 'WECHAT_CODE_INVALID', // invalid code (unknown or expired)
  40163: 'WECHAT_CODE_INVALID', // code been used
  45011: 'WECHAT_RATE_LIMITED', // API minute-quota reached
  40226: 'WECHAT_USER_RISKY', // high-risk user, login blocked
  40013: 'WECHAT_CONFIG_INVALID', // invalid appid
  40125: 'WECHAT_CONFIG_INVALID', // invalid appsecret
  41002: 'WECHAT_CONFIG_INVALID', // appid missing
  41004: 'WECHAT_CONFIG_INVALID', // appsecret missing
  40002: 'WECHAT_CONFIG_INVALID', // invalid grant_type
  40164: 'WECHAT_CONFIG_INVALID', // caller IP not on the whitelist
};

/** Errcodes meaning "the access token is no longer good": refresh it and try once more. */
export const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

/** subscribeMessage.send: the user has no (one-time) subscription left for the template. */
export const SUBSCRIBE_REFUSED_ERRCODE = 43101;

/** Errcodes worth one retry after a short pause (system busy). */
export const TRANSIENT_ERRCODES = new Set([-1]);

export function mapWechatErrcode(errcode: number): ErrorCode {
  return ERRCODE_MAP[errcode] ?? 'WECHAT_UNAVAILABLE';
}

/**
 * A failed WeChat call: an AppError (our code and Chinese message for the user) that also keeps
 * WeChat's errcode and errmsg for the logs. `errcode` is null for network/HTTP failures.
 */
export class WechatApiError extends AppError {
  constructor(
    code: ErrorCode,
    readonly errcode: number | null,
    readonly errmsg: string,
  ) {
    super(code);
    this.name = 'WechatApiError';
  }

  get detail(): string {
    return `WeChat API error ${this.errcode ?? 'network'}: ${this.errmsg}`;
  }
}
