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
  AUTH_ACCOUNT_LOCKED: 'AUTH_ACCOUNT_LOCKED',
  AUTH_CAPTCHA_REQUIRED: 'AUTH_CAPTCHA_REQUIRED',
  AUTH_CAPTCHA_INVALID: 'AUTH_CAPTCHA_INVALID',
  AUTH_PASSWORD_CHANGE_REQUIRED: 'AUTH_PASSWORD_CHANGE_REQUIRED',
  AUTH_PASSWORD_POLICY: 'AUTH_PASSWORD_POLICY',
  AUTH_PASSWORD_REUSED: 'AUTH_PASSWORD_REUSED',
  AUTH_MFA_INVALID: 'AUTH_MFA_INVALID',
  AUTH_MFA_ENROLL_REQUIRED: 'AUTH_MFA_ENROLL_REQUIRED',
  AUTH_SESSION_IDLE: 'AUTH_SESSION_IDLE',
  // Domain
  CONFLICT: 'CONFLICT',
  BINDING_CODE_INVALID: 'BINDING_CODE_INVALID',
  PHONE_REQUIRED: 'PHONE_REQUIRED',
  // Registry (#4)
  REGION_NOT_EMPTY: 'REGION_NOT_EMPTY',
  GEOMETRY_INVALID: 'GEOMETRY_INVALID',
  PERSON_DUPLICATE: 'PERSON_DUPLICATE',
  BUSINESS_DUPLICATE: 'BUSINESS_DUPLICATE',
  RECORD_IN_USE: 'RECORD_IN_USE',
  IMPORT_FILE_INVALID: 'IMPORT_FILE_INVALID',
  IMPORT_HAS_ERRORS: 'IMPORT_HAS_ERRORS',
  EXPORT_TOO_LARGE: 'EXPORT_TOO_LARGE',
  FILE_TYPE_NOT_ALLOWED: 'FILE_TYPE_NOT_ALLOWED',
  FILE_LINK_EXPIRED: 'FILE_LINK_EXPIRED',
  FILE_TOO_COMPLEX: 'FILE_TOO_COMPLEX',
  IMAGE_TOO_LARGE: 'IMAGE_TOO_LARGE',
  // Cases (#5)
  CASE_NOT_FOUND: 'CASE_NOT_FOUND',
  CASE_TRANSITION_INVALID: 'CASE_TRANSITION_INVALID',
  CASE_ACTION_FORBIDDEN: 'CASE_ACTION_FORBIDDEN',
  CASE_CATEGORY_INVALID: 'CASE_CATEGORY_INVALID',
  CASE_LOCATION_OUTSIDE: 'CASE_LOCATION_OUTSIDE',
  CASE_DISPUTE_WINDOW_CLOSED: 'CASE_DISPUTE_WINDOW_CLOSED',
  CASE_ALREADY_RATED: 'CASE_ALREADY_RATED',
  CONTENT_RISKY: 'CONTENT_RISKY',
  OPEN311_KEY_INVALID: 'OPEN311_KEY_INVALID',
  GOV_SIGNATURE_INVALID: 'GOV_SIGNATURE_INVALID',
  GOV_REPLAY: 'GOV_REPLAY',
  GOV_UNAVAILABLE: 'GOV_UNAVAILABLE',
  // Party (#14)
  PARTY_RULE_REFUSED: 'PARTY_RULE_REFUSED',
  PARTY_ORG_NOT_EMPTY: 'PARTY_ORG_NOT_EMPTY',
  PARTY_MEMBER_DUPLICATE: 'PARTY_MEMBER_DUPLICATE',
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
  AUTH_ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账号已临时锁定，请稍后再试' },
  AUTH_CAPTCHA_REQUIRED: { status: 401, message: '请输入图形验证码' },
  AUTH_CAPTCHA_INVALID: { status: 401, message: '图形验证码错误或已过期' },
  AUTH_PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改密码' },
  AUTH_PASSWORD_POLICY: { status: 400, message: '新密码不符合密码策略' },
  AUTH_PASSWORD_REUSED: { status: 400, message: '新密码不能与最近使用过的密码相同' },
  AUTH_MFA_INVALID: { status: 401, message: '动态验证码错误或已过期' },
  AUTH_MFA_ENROLL_REQUIRED: { status: 403, message: '请先绑定双因素认证' },
  AUTH_SESSION_IDLE: { status: 401, message: '长时间未操作，请重新登录' },
  CONFLICT: { status: 409, message: '数据已存在或已被修改' },
  BINDING_CODE_INVALID: { status: 400, message: '绑定码无效、已使用或已过期' },
  PHONE_REQUIRED: { status: 400, message: '请先绑定手机号' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已过期，请重新登录' },
  REGION_NOT_EMPTY: { status: 409, message: '该区域下还有下级区域或登记数据，不能删除' },
  GEOMETRY_INVALID: { status: 400, message: '边界数据无效：须为闭合的多边形（GCJ-02 经纬度）' },
  PERSON_DUPLICATE: { status: 409, message: '该身份证号已登记' },
  BUSINESS_DUPLICATE: { status: 409, message: '该统一社会信用代码已登记' },
  RECORD_IN_USE: { status: 409, message: '该记录仍被其他数据引用，不能删除' },
  IMPORT_FILE_INVALID: { status: 400, message: '文件无法读取：请使用下载的 Excel 模板（.xlsx）' },
  IMPORT_HAS_ERRORS: { status: 422, message: '导入数据有错误，未写入任何数据' },
  EXPORT_TOO_LARGE: { status: 400, message: '导出数据过多，请缩小筛选范围' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, message: '只支持 JPG、PNG、WebP 图片' },
  FILE_LINK_EXPIRED: { status: 403, message: '文件链接已失效，请刷新页面' },
  FILE_TOO_COMPLEX: { status: 413, message: '文件解压后过大或过于复杂，已拒绝处理，请拆分成较小的文件后再上传' },
  IMAGE_TOO_LARGE: {
    status: 413,
    message: '图片尺寸过大：每边不超过 16384 像素、总计不超过 4000 万像素，请缩小后再上传',
  },
  CASE_NOT_FOUND: { status: 404, message: '工单不存在' },
  CASE_TRANSITION_INVALID: { status: 409, message: '工单当前状态不允许此操作' },
  CASE_ACTION_FORBIDDEN: { status: 403, message: '您无权对该工单执行此操作' },
  CASE_CATEGORY_INVALID: { status: 400, message: '问题类型无效或已停用' },
  CASE_LOCATION_OUTSIDE: { status: 400, message: '所选位置不在本镇服务范围内' },
  CASE_DISPUTE_WINDOW_CLOSED: { status: 409, message: '已超过 7 天，无法再反馈未解决，请重新上报' },
  CASE_ALREADY_RATED: { status: 409, message: '该工单已评价' },
  CONTENT_RISKY: { status: 400, message: '内容含有违法违规信息，请修改后再提交' },
  OPEN311_KEY_INVALID: { status: 403, message: 'api_key 无效或已吊销' },
  GOV_SIGNATURE_INVALID: { status: 401, message: '签名校验失败' },
  GOV_REPLAY: { status: 409, message: '重复的请求（nonce 已使用或时间戳过期）' },
  GOV_UNAVAILABLE: { status: 503, message: '政务平台暂时不可用，请稍后再试' },
  PARTY_RULE_REFUSED: { status: 409, message: '不符合党内规定，未能记录' },
  PARTY_ORG_NOT_EMPTY: { status: 409, message: '该党组织还有党员或下级组织，不能撤销' },
  PARTY_MEMBER_DUPLICATE: { status: 409, message: '该人员已有党员档案或正在发展中' },
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
