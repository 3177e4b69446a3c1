// WeChat errcodes used by the simulator, with the errmsg text WeChat actually sends.
//
// Sources: the per-API errcode tables of code2Session, getAccessToken, getStableAccessToken
// and getPhoneNumber, msgSecCheck, mediaCheckAsync and subscribeMessage.send, plus the common
// errcode table (developers.weixin.qq.com, commErrCode).

export const WxErr = {
  SYSTEM_ERROR: -1,
  INVALID_CREDENTIAL: 40001,
  INVALID_GRANT_TYPE: 40002,
  INVALID_OPENID: 40003,
  INVALID_APPID: 40013,
  INVALID_CODE: 40029,
  INVALID_TEMPLATE_ID: 40037,
  INVALID_URL: 40066,
  INVALID_APPSECRET: 40125,
  INVALID_SCENE: 40129,
  CODE_BEEN_USED: 40163,
  ACCESS_TOKEN_MISSING: 41001,
  APPID_MISSING: 41002,
  APPSECRET_MISSING: 41004,
  CODE_MISSING: 41008,
  ACCESS_TOKEN_EXPIRED: 42001,
  REQUIRE_GET: 43001,
  REQUIRE_POST: 43002,
  SUBSCRIBE_REFUSED: 43101,
  EMPTY_POST_DATA: 44002,
  CONTENT_TOO_LARGE: 45002,
  DAILY_QUOTA: 45009,
  MINUTE_QUOTA: 45011,
  DATA_FORMAT_ERROR: 47001,
  ARGUMENT_INVALID: 47003,
} as const;

export type WxErrCode = (typeof WxErr)[keyof typeof WxErr];

const messages: Record<WxErrCode, string> = {
  [WxErr.SYSTEM_ERROR]: 'system error',
  [WxErr.INVALID_CREDENTIAL]:
    'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r',
  [WxErr.INVALID_GRANT_TYPE]: 'invalid grant_type',
  [WxErr.INVALID_OPENID]: 'invalid openid',
  [WxErr.INVALID_APPID]: 'invalid appid',
  [WxErr.INVALID_CODE]: 'invalid code',
  [WxErr.INVALID_TEMPLATE_ID]: 'invalid template_id',
  [WxErr.INVALID_URL]: 'invalid url',
  [WxErr.INVALID_APPSECRET]: 'invalid appsecret',
  [WxErr.INVALID_SCENE]: 'invalid scene',
  [WxErr.CODE_BEEN_USED]: 'code been used',
  [WxErr.ACCESS_TOKEN_MISSING]: 'access_token missing',
  [WxErr.APPID_MISSING]: 'appid missing',
  [WxErr.APPSECRET_MISSING]: 'appsecret missing',
  [WxErr.CODE_MISSING]: 'missing code',
  [WxErr.ACCESS_TOKEN_EXPIRED]: 'access_token expired',
  [WxErr.REQUIRE_GET]: 'require GET method',
  [WxErr.REQUIRE_POST]: 'require POST method',
  [WxErr.SUBSCRIBE_REFUSED]: 'user refuse to accept the msg',
  [WxErr.EMPTY_POST_DATA]: 'empty post data',
  [WxErr.CONTENT_TOO_LARGE]: 'content size out of limit',
  [WxErr.DAILY_QUOTA]: 'reach max api daily quota limit',
  [WxErr.MINUTE_QUOTA]: 'api minute-quota reach limit mustslower retry next minute',
  [WxErr.DATA_FORMAT_ERROR]: 'data format error',
  [WxErr.ARGUMENT_INVALID]: 'argument invalid!',
};

export interface WxErrorBody {
  errcode: number;
  errmsg: string;
}

/**
 * WeChat appends a request id to every errmsg ("invalid code, rid: 6437cc6f-48613c7c-0bdbbd0d",
 * first segment = unix seconds in hex). Reproducing it keeps clients honest: they must branch on
 * errcode, never compare errmsg strings.
 */
export function rid(nowMs: number): string {
  const secs = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0');
  const rand = (): string =>
    Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return `${secs}-${rand()}-${rand()}`;
}

/** Message for an errcode; unknown codes (e.g. injected faults) fall back to a generic text. */
export function errmsgFor(errcode: number): string {
  const known = (messages as Record<number, string | undefined>)[errcode];
  return known ?? 'simulated error';
}

export function wxError(errcode: number, nowMs: number, detail?: string): WxErrorBody {
  const base = errmsgFor(errcode);
  const text = detail ? `${base} ${detail}` : base;
  return { errcode, errmsg: `${text}, rid: ${rid(nowMs)}` };
}
