// The real WeChat paths the simulator serves (also the only valid targets for fault injection).
export const WX_PATHS = {
  jscode2session: '/sns/jscode2session',
  stableToken: '/cgi-bin/stable_token',
  token: '/cgi-bin/token',
  phoneNumber: '/wxa/business/getuserphonenumber',
  msgSecCheck: '/wxa/msg_sec_check',
  mediaCheckAsync: '/wxa/media_check_async',
  subscribeSend: '/cgi-bin/message/subscribe/send',
} as const;

export type WxPath = (typeof WX_PATHS)[keyof typeof WX_PATHS];

export const DEV_PREFIX = '/__dev/';

export function isWxPath(path: string): path is WxPath {
  return (Object.values(WX_PATHS) as string[]).includes(path);
}
