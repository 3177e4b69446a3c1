/**
 * Wire shapes of WeChat's content-security 2.0 APIs (msgSecCheck, mediaCheckAsync) and of
 * subscribeMessage.send, with the parsing the client applies to their replies.
 */
import { WechatApiError } from './wechat.errors';

export type ContentSuggest = 'pass' | 'review' | 'risky';

/** WeChat's scene values: 1 profile, 2 comment, 3 forum, 4 social log. */
export type ContentScene = 1 | 2 | 3 | 4;

export interface MsgSecCheckInput {
  openid: string;
  content: string;
  scene: ContentScene;
}

export interface MsgSecCheckResult {
  suggest: ContentSuggest;
  /** WeChat's label (100 normal, 20001 politics, …) as text. */
  label: string;
  traceId: string;
}

export interface MediaCheckInput {
  openid: string;
  /** An absolute URL WeChat can download (it fetches it later, asynchronously). */
  mediaUrl: string;
  scene: ContentScene;
}

export type MiniprogramState = 'developer' | 'trial' | 'formal';

export interface SubscribeMessageInput {
  touser: string;
  templateId: string;
  /** Mini-program page opened from the notice, e.g. `pages/case/detail?id=…`. */
  page?: string;
  data: Record<string, { value: string }>;
  /** Which build the notice opens; defaults to WECHAT_MP_STATE. */
  miniprogramState?: MiniprogramState;
}

export interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

export interface SecCheckReply extends WechatReply {
  trace_id?: string;
  result?: { suggest?: string; label?: number | string };
}

/** A suggest as WeChat sends it, or null when it is anything else. */
export function parseSuggest(value: unknown): ContentSuggest | null {
  return value === 'pass' || value === 'review' || value === 'risky' ? value : null;
}

/** msgSecCheck's reply → our result; a reply without a verdict means WeChat did not answer. */
export function parseMsgSecCheck(reply: SecCheckReply): MsgSecCheckResult {
  const suggest = parseSuggest(reply.result?.suggest);
  if (!suggest || !reply.trace_id) {
    throw new WechatApiError('WECHAT_UNAVAILABLE', null, 'msg_sec_check reply without result');
  }
  return { suggest, label: String(reply.result?.label ?? ''), traceId: reply.trace_id };
}
