/**
 * The error-code catalogue: every error the BFF can answer with, its HTTP status and the Chinese
 * message shown to users. Defined once here so the BFF, the admin and the mini-program agree.
 */
export const ErrorCode = {
  // Generic edge errors
  NOT_FOUND: 'NOT_FOUND',
  BAD_REQUEST: 'BAD_REQUEST',
  MALFORMED_JSON: 'MALFORMED_JSON',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  // Authentication and authorization
  AUTH_REQUIRED: 'AUTH_REQUIRED',
  AUTH_TOKEN_INVALID: 'AUTH_TOKEN_INVALID',
  AUTH_TOKEN_EXPIRED: 'AUTH_TOKEN_EXPIRED',
  AUTH_INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS',
  AUTH_ACCOUNT_DISABLED: 'AUTH_ACCOUNT_DISABLED',
  FORBIDDEN: 'FORBIDDEN',
  // WeChat
  WECHAT_CODE_INVALID: 'WECHAT_CODE_INVALID',
  WECHAT_RATE_LIMITED: 'WECHAT_RATE_LIMITED',
  WECHAT_USER_RISKY: 'WECHAT_USER_RISKY',
  WECHAT_CONFIG_INVALID: 'WECHAT_CONFIG_INVALID',
  WECHAT_UNAVAILABLE: 'WECHAT_UNAVAILABLE',
  WECHAT_PHONE_CODE_INVALID: 'WECHAT_PHONE_CODE_INVALID',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

interface ErrorSpec {
  status: number;
  message: string;
}

/** HTTP status and user-facing Chinese message of each code. */
export const errorCatalogue: Record<ErrorCode, ErrorSpec> = {
  NOT_FOUND: { status: 404, message: '请求的资源不存在' },
  BAD_REQUEST: { status: 400, message: '请求无效' },
  MALFORMED_JSON: { status: 400, message: '请求体不是合法的 JSON' },
  VALIDATION_FAILED: { status: 400, message: '提交的数据有误，请检查后重试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的数据过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持的请求方法' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器开小差了，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  AUTH_REQUIRED: { status: 401, message: '请先登录' },
  AUTH_TOKEN_INVALID: { status: 401, message: '登录凭证无效，请重新登录' },
  AUTH_TOKEN_EXPIRED: { status: 401, message: '登录已过期' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  AUTH_ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系管理员' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已过期，请重新登录' },
  WECHAT_RATE_LIMITED: { status: 429, message: '微信登录过于频繁，请稍后再试' },
  WECHAT_USER_RISKY: { status: 403, message: '当前微信账号存在风险，暂时无法登录' },
  WECHAT_CONFIG_INVALID: { status: 502, message: '微信服务配置错误，请联系管理员' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  WECHAT_PHONE_CODE_INVALID: { status: 400, message: '手机号授权已失效，请重新授权' },
};

/** Chinese message per code (convenience view of the catalogue for the front ends). */
export const errorMessages: Record<ErrorCode, string> = Object.fromEntries(
  Object.entries(errorCatalogue).map(([code, spec]) => [code, spec.message]),
) as Record<ErrorCode, string>;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorCatalogue, value);
}
