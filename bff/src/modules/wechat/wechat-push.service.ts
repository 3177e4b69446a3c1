import { Config, ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { WechatEnv } from './wechat.config';
import { AppError } from '../../core/errors/app-error';
import { InfraService } from '../../core/infra/infra.service';
import { decryptPush, PushDecryptError, pushSignature, signatureMatches } from './wechat-push.crypto';

/** A push older (or further in the future) than this is refused as a possible replay. */
export const PUSH_MAX_SKEW_SEC = 300;

export type PushQuery = Record<string, string | string[] | undefined>;

export type PushEvent = Record<string, unknown>;

/** Handles one pushed event (already verified and decrypted); throwing makes WeChat retry it. */
export type PushEventHandler = (event: PushEvent) => Promise<void>;

/**
 * A push that fails verification. The signed-callback codes are used (401 / 409): FORBIDDEN and the
 * AUTH_* codes mean "signed-in caller lacks rights" everywhere else, which a forged push is not.
 */
const refuse = (why: string): AppError => new AppError('GOV_SIGNATURE_INVALID', `微信推送校验失败：${why}`);
const replayed = (why: string): AppError => new AppError('GOV_REPLAY', `微信推送校验失败：${why}`);

function param(query: PushQuery, key: string): string | undefined {
  const value = query[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Receives WeChat's message push (消息推送) in JSON format: URL verification, signature and
 * safe-mode decryption, replay protection, and routing by event type (`Event`) to the handler a
 * module registered with `on` — this module knows none of them. Only safe mode is accepted when an
 * EncodingAESKey is configured; plaintext mode only when there is none.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class WechatPushService {
  @Config('zhili.modules.wechat')
  private env!: WechatEnv;

  @Inject()
  private infraService!: InfraService;

  @Logger()
  private logger!: ILogger;

  private readonly handlers = new Map<string, PushEventHandler>();

  /** Routes pushed events of type `eventType` (the push's `Event` field) to `handler`; one per type. */
  on(eventType: string, handler: PushEventHandler): void {
    if (this.handlers.has(eventType)) throw new Error(`WeChat push event ${eventType} has a handler already`);
    this.handlers.set(eventType, handler);
  }

  /** Without a Token the push is not configured: the endpoint does not exist. */
  private get token(): string {
    if (!this.env.WECHAT_PUSH_TOKEN) throw new AppError('NOT_FOUND');
    return this.env.WECHAT_PUSH_TOKEN;
  }

  /** URL verification (GET): a valid signature gets `echostr` back verbatim. */
  verifyUrl(query: PushQuery): string {
    const token = this.token;
    const [timestamp, nonce, echostr] = [param(query, 'timestamp'), param(query, 'nonce'), param(query, 'echostr')];
    if (!timestamp || !nonce || !echostr) throw refuse('缺少参数');
    if (!signatureMatches(pushSignature(token, timestamp, nonce), param(query, 'signature'))) throw refuse('签名不符');
    return echostr;
  }

  /** One pushed message (POST): verified, decrypted, processed once. */
  async receive(query: PushQuery, body: unknown): Promise<void> {
    const token = this.token;
    const timestamp = param(query, 'timestamp');
    const nonce = param(query, 'nonce');
    if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !nonce || nonce.length > 64) throw refuse('缺少参数');
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > PUSH_MAX_SKEW_SEC) throw replayed('时间戳过期');
    const event = this.env.WECHAT_PUSH_AES_KEY
      ? this.openSafeMode(token, this.env.WECHAT_PUSH_AES_KEY, timestamp, nonce, query, body)
      : this.openPlaintext(token, timestamp, nonce, query, body);
    await this.once(timestamp, nonce, () => this.dispatch(event));
  }

  private openSafeMode(
    token: string,
    aesKey: string,
    timestamp: string,
    nonce: string,
    query: PushQuery,
    body: unknown,
  ): PushEvent {
    if (param(query, 'encrypt_type') !== 'aes') throw refuse('未加密');
    const encrypt = isObject(body) && typeof body.Encrypt === 'string' ? body.Encrypt : undefined;
    if (!encrypt) throw new AppError('BAD_REQUEST', '缺少 Encrypt');
    if (!signatureMatches(pushSignature(token, timestamp, nonce, encrypt), param(query, 'msg_signature')))
      throw refuse('签名不符');
    let opened: { message: string; appid: string };
    try {
      opened = decryptPush(aesKey, encrypt);
    } catch (err) {
      if (err instanceof PushDecryptError) throw refuse('无法解密');
      throw err;
    }
    if (opened.appid !== this.env.WECHAT_APPID) throw refuse('appid 不符');
    try {
      const event: unknown = JSON.parse(opened.message);
      if (isObject(event)) return event;
    } catch {
      // fall through
    }
    throw new AppError('BAD_REQUEST', '推送内容不是 JSON 对象');
  }

  private openPlaintext(token: string, timestamp: string, nonce: string, query: PushQuery, body: unknown): PushEvent {
    if (!signatureMatches(pushSignature(token, timestamp, nonce), param(query, 'signature'))) throw refuse('签名不符');
    if (!isObject(body)) throw new AppError('BAD_REQUEST', '推送内容不是 JSON 对象');
    return body;
  }

  /**
   * Each (timestamp, nonce) is processed once. When processing fails the mark is removed again, so
   * WeChat's retry of the same push (it re-sends it when we do not answer "success") gets through.
   */
  private async once(timestamp: string, nonce: string, fn: () => Promise<void>): Promise<void> {
    const cache = this.infraService.infra.cache;
    const key = `wechat:push:nonce:${timestamp}:${nonce}`;
    if (!(await cache.setIfAbsent(key, '1', 2 * PUSH_MAX_SKEW_SEC))) throw replayed('重复的推送');
    try {
      await fn();
    } catch (err) {
      await cache.del(key);
      throw err;
    }
  }

  private async dispatch(event: PushEvent): Promise<void> {
    const handler = typeof event.Event === 'string' ? this.handlers.get(event.Event) : undefined;
    if (!handler) {
      this.logger.info('[wechat] push event %s ignored', String(event.Event ?? event.MsgType ?? 'unknown'));
      return;
    }
    await handler(event);
  }
}
