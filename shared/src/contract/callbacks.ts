import { defineRoute } from './define';
import { z } from './zod';

/**
 * Callbacks from WeChat and government platforms. None carries a bearer token: each request is
 * authenticated by its signature, which the handler checks itself. Government pushes are signed
 * over the exact bytes, so their bodies are `raw` (described here, validated by the handler after
 * the signature, docs/GOV-PROTOCOL.md §5). WeChat answers plain text, as it expects.
 */

const hotlinePushBody = z.looseObject({
  type: z.enum(['order.created', 'order.updated']),
  /** 12345 工单（字段见 docs/GOV-PROTOCOL.md） */
  order: z.looseObject({ orderNo: z.string(), title: z.string(), content: z.string(), urgency: z.number().int() }),
});

const cityPushBody = z.looseObject({
  type: z.literal('event.finished'),
  result: z.looseObject({
    eventId: z.string(),
    caseNo: z.string(),
    round: z.number().int(),
    result: z.string(),
    handler: z.string(),
    finishedAt: z.string(),
  }),
});

export const hotlineOrderAckSchema = z.object({ orderNo: z.string(), caseNo: z.string(), created: z.boolean() });
export const cityResultAckSchema = z.object({ caseNo: z.string(), outcome: z.enum(['resolved', 'ignored']) });

export const govCallbackRoutes = {
  hotline: defineRoute({
    method: 'POST',
    path: '/api/callbacks/gov/hotline12345',
    summary: '12345 热线工单推送（签名校验，按工单号幂等）',
    tag: '政务平台回调',
    audience: 'callback',
    bodyKind: 'raw',
    body: hotlinePushBody,
    response: hotlineOrderAckSchema,
    status: 200,
  }),
  city: defineRoute({
    method: 'POST',
    path: '/api/callbacks/gov/city',
    summary: '城市运行管理服务平台处置结果推送（签名校验）',
    tag: '政务平台回调',
    audience: 'callback',
    bodyKind: 'raw',
    body: cityPushBody,
    response: cityResultAckSchema,
    status: 200,
  }),
};

/** WeChat's message push (JSON format, safe mode); the query carries the signature. */
export const wechatCallbackRoutes = {
  verify: defineRoute({
    method: 'GET',
    path: '/api/callbacks/wechat',
    summary: '消息推送 URL 校验：signature 正确时原样返回 echostr（纯文本）',
    tag: '回调 · 微信',
    audience: 'callback',
    response: null,
    responseKind: 'file',
  }),
  receive: defineRoute({
    method: 'POST',
    path: '/api/callbacks/wechat',
    summary:
      '消息推送（JSON，安全模式）：校验 msg_signature、解密、防重放；wxa_media_check → 图片审核结果；答复纯文本 success',
    tag: '回调 · 微信',
    audience: 'callback',
    // The service checks the signature over the parsed envelope's Encrypt field and decrypts it.
    body: z.looseObject({ ToUserName: z.string().optional(), Encrypt: z.string().optional() }),
    bodyKind: 'raw',
    response: null,
    responseKind: 'file',
  }),
};
