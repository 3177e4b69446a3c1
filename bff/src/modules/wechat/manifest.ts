import type { ModuleManifest } from '../../core/modules/manifest';

/** WeChat APIs (sign-in, content security, subscribe messages) and the message push. */
export const wechatManifest: ModuleManifest = {
  name: 'wechat',
};
