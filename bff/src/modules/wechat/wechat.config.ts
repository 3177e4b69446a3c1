import { z } from '@zhili/shared';
import { url, type EnvOf } from '../../core/config/env-fields';

/** Environment of the WeChat module: the mini-program's credentials and its message push. */
export const wechatEnv = {
  WECHAT_API_BASE: url('WECHAT_API_BASE').default('https://api.weixin.qq.com'),
  WECHAT_APPID: z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'WECHAT_APPID is required (the mini-program appid, wx + 16 hex)' : undefined,
    })
    .regex(/^wx[0-9a-f]{16}$/, 'WECHAT_APPID must be wx followed by 16 hex digits'),
  WECHAT_SECRET: z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'WECHAT_SECRET is required (the mini-program AppSecret)' : undefined,
    })
    .regex(/^[0-9a-zA-Z]{32}$/, 'WECHAT_SECRET must be 32 letters or digits'),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  /** Message-push token and EncodingAESKey (43 chars) of the mini-program's message push (safe mode). */
  WECHAT_PUSH_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9]{3,32}$/, 'WECHAT_PUSH_TOKEN must be 3-32 letters or digits')
    .optional(),
  WECHAT_PUSH_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, 'WECHAT_PUSH_AES_KEY must be 43 letters or digits (EncodingAESKey)')
    .optional(),
  /** miniprogram_state of subscribe messages: developer | trial | formal. */
  WECHAT_MP_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
};
export type WechatEnv = EnvOf<typeof wechatEnv>;
