export { WechatClient } from './wechat.client';
export type { Code2SessionResult, PhoneInfo } from './wechat.client';
export { WechatApiError, mapWechatErrcode } from './wechat.errors';
export type {
  ContentScene,
  ContentSuggest,
  MediaCheckInput,
  MiniprogramState,
  MsgSecCheckInput,
  MsgSecCheckResult,
  SubscribeMessageInput,
} from './wechat-content.types';
export { parseSuggest } from './wechat-content.types';
export { SUBSCRIBE_REFUSED_ERRCODE } from './wechat.errors';
export { WechatPushService } from './wechat-push.service';
export type { PushEvent, PushEventHandler } from './wechat-push.service';
export { WechatPushRouter, subscribeThing } from './wechat-push.router';
export type { SubscribeMessage, SubscribeMessageRoute } from './wechat-push.router';
