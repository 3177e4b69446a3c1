import type { ModuleManifest } from '../../core/modules/manifest';
import { wechatEnv } from './wechat.config';

/** WeChat APIs (sign-in, content security, subscribe messages) and the message push. */
export const wechatManifest = {
  name: 'wechat',
  config: wechatEnv,
} satisfies ModuleManifest;
