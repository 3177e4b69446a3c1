export { WechatClient } from './wechat.client';
export type { Code2SessionResult, PhoneInfo } from './wechat.client';
export { WechatApiError, mapWechatErrcode } from './wechat.errors';
