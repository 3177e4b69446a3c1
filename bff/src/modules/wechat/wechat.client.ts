import { Config, ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { WechatEnv } from './wechat.config';
import { InfraService } from '../../core/infra/infra.service';
import { mapWechatErrcode, TOKEN_ERRCODES, TRANSIENT_ERRCODES, WechatApiError } from './wechat.errors';
import {
  parseMsgSecCheck,
  type MediaCheckInput,
  type MsgSecCheckInput,
  type MsgSecCheckResult,
  type SecCheckReply,
  type SubscribeMessageInput,
  type WechatReply,
} from './wechat-content.types';

export interface Code2SessionResult {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

export interface PhoneInfo {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

/** Seconds before WeChat's expiry at which we stop using a cached token. */
const TOKEN_SAFETY_MARGIN_SEC = 300;

/**
 * Client of WeChat's server APIs (base URL configurable: the real host or our simulator).
 * The access token is the stable token, cached in the shared infra cache under a lock so that several
 * BFF processes fetch it once and agree on it.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class WechatClient {
  @Config('zhili.modules.wechat')
  private env!: WechatEnv;

  @Inject()
  private infraService!: InfraService;

  @Logger()
  private logger!: ILogger;

  private get tokenKey(): string {
    return `wechat:access_token:${this.env.WECHAT_APPID}`;
  }

  private get tokenLockKey(): string {
    return `wechat:token:${this.env.WECHAT_APPID}`;
  }

  /** Long enough for a fetch with its one retry, so a slow WeChat never lets two fetches overlap. */
  private get tokenLockTtlMs(): number {
    return 2 * this.env.WECHAT_TIMEOUT_MS + 1000;
  }

  /** Exchanges a `wx.login` code for the user's openid (codes are single-use, 5 minutes). */
  async code2Session(code: string): Promise<Code2SessionResult> {
    const query = new URLSearchParams({
      appid: this.env.WECHAT_APPID,
      secret: this.env.WECHAT_SECRET,
      js_code: code,
      grant_type: 'authorization_code',
    });
    // Not retried on transient errors: the code may already have been consumed.
    const reply = await this.call<WechatReply & { openid?: string; unionid?: string; session_key?: string }>(
      'GET',
      `/sns/jscode2session?${query}`,
    );
    if (!reply.openid || !reply.session_key) {
      throw new WechatApiError('WECHAT_UNAVAILABLE', null, 'jscode2session reply without openid');
    }
    return { openid: reply.openid, unionid: reply.unionid, sessionKey: reply.session_key };
  }

  /** Exchanges a `getPhoneNumber` button code for the user's phone number. */
  async getPhoneNumber(code: string): Promise<PhoneInfo> {
    const reply = await this.withAccessToken((token) =>
      this.call<WechatReply & { phone_info?: PhoneInfo }>(
        'POST',
        `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
        { code },
      ),
    );
    if (!reply.phone_info) throw new WechatApiError('WECHAT_UNAVAILABLE', null, 'reply without phone_info');
    return reply.phone_info;
  }

  /**
   * Text content security (msgSecCheck 2.0), synchronous. Retried once on WeChat's "system busy":
   * a check has no side effect.
   */
  async msgSecCheck(input: MsgSecCheckInput): Promise<MsgSecCheckResult> {
    const body = { content: input.content, version: 2, scene: input.scene, openid: input.openid };
    const reply = await this.withAccessToken((token) =>
      this.callWithRetry<SecCheckReply>('POST', `/wxa/msg_sec_check?access_token=${encodeURIComponent(token)}`, body),
    );
    return parseMsgSecCheck(reply);
  }

  /**
   * Starts an asynchronous image check (mediaCheckAsync 2.0, media_type 2); WeChat downloads
   * `mediaUrl` and pushes a `wxa_media_check` event carrying the returned trace id.
   */
  async mediaCheckAsync(input: MediaCheckInput): Promise<{ traceId: string }> {
    const body = { media_url: input.mediaUrl, media_type: 2, version: 2, scene: input.scene, openid: input.openid };
    const reply = await this.withAccessToken((token) =>
      this.call<SecCheckReply>('POST', `/wxa/media_check_async?access_token=${encodeURIComponent(token)}`, body),
    );
    if (!reply.trace_id)
      throw new WechatApiError('WECHAT_UNAVAILABLE', null, 'media_check_async reply without trace_id');
    return { traceId: reply.trace_id };
  }

  /**
   * Sends a one-time subscribe message. Errcode 43101 (the user has no subscription left) surfaces
   * as a WechatApiError with `errcode === 43101`: the caller drops the message, never retries it.
   */
  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<void> {
    const body = {
      touser: input.touser,
      template_id: input.templateId,
      ...(input.page ? { page: input.page } : {}),
      data: input.data,
      miniprogram_state: input.miniprogramState ?? this.env.WECHAT_MP_STATE,
      lang: 'zh_CN',
    };
    await this.withAccessToken((token) =>
      this.call<WechatReply>('POST', `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, body),
    );
  }

  /**
   * The current access token, from the shared cache or freshly fetched by whoever holds the lock.
   * Waiters look at the cache between lock attempts, so they pick up the token as soon as the
   * holder stores it instead of queueing for the lock one by one.
   */
  async getAccessToken(): Promise<string> {
    const { cache, lock } = this.infraService.infra;
    const deadline = Date.now() + this.tokenLockTtlMs;
    for (let delay = 10; ; delay = Math.min(delay * 2, 100)) {
      const cached = await cache.get(this.tokenKey);
      if (cached) return cached;
      const handle = await lock.tryAcquire(this.tokenLockKey, this.tokenLockTtlMs);
      if (handle) {
        try {
          // Another process may have stored it between our cache read and the lock.
          return (await cache.get(this.tokenKey)) ?? (await this.fetchStableToken(false));
        } finally {
          await handle.release();
        }
      }
      if (Date.now() >= deadline)
        throw new WechatApiError('WECHAT_UNAVAILABLE', null, 'timed out waiting for the token lock');
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  /** Runs `fn` with a token; if WeChat says the token is bad, refreshes it once and retries. */
  private async withAccessToken<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const token = await this.getAccessToken();
    try {
      return await fn(token);
    } catch (err) {
      if (!(err instanceof WechatApiError) || err.errcode === null || !TOKEN_ERRCODES.has(err.errcode)) throw err;
      this.logger.warn(`WeChat rejected the access token (errcode ${err.errcode}); refreshing`);
      await this.infraService.infra.cache.del(this.tokenKey);
      const fresh = await this.infraService.infra.lock.withLock(
        this.tokenLockKey,
        this.tokenLockTtlMs,
        this.tokenLockTtlMs,
        async () => {
          const current = await this.infraService.infra.cache.get(this.tokenKey);
          // Someone else already refreshed it after our failure.
          if (current && current !== token) return current;
          return this.fetchStableToken(current === token);
        },
      );
      return fn(fresh);
    }
  }

  private async fetchStableToken(forceRefresh: boolean): Promise<string> {
    const reply = await this.callWithRetry<WechatReply & { access_token?: string; expires_in?: number }>(
      'POST',
      '/cgi-bin/stable_token',
      {
        grant_type: 'client_credential',
        appid: this.env.WECHAT_APPID,
        secret: this.env.WECHAT_SECRET,
        force_refresh: forceRefresh,
      },
    );
    if (!reply.access_token || !reply.expires_in) {
      throw new WechatApiError('WECHAT_UNAVAILABLE', null, 'stable_token reply without access_token');
    }
    const ttl = Math.max(1, reply.expires_in - TOKEN_SAFETY_MARGIN_SEC);
    await this.infraService.infra.cache.set(this.tokenKey, reply.access_token, ttl);
    return reply.access_token;
  }

  private async callWithRetry<T extends WechatReply>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    try {
      return await this.call<T>(method, path, body);
    } catch (err) {
      const transient = err instanceof WechatApiError && (err.errcode === null || TRANSIENT_ERRCODES.has(err.errcode));
      if (!transient) throw err;
      await new Promise((r) => setTimeout(r, 200));
      return this.call<T>(method, path, body);
    }
  }

  /** One HTTP call; a non-zero errcode becomes a WechatApiError carrying our mapped code. */
  private async call<T extends WechatReply>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    const url = `${this.env.WECHAT_API_BASE.replace(/\/$/, '')}${path}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: body ? { 'Content-Type': 'application/json' } : undefined,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.env.WECHAT_TIMEOUT_MS),
      });
    } catch (err) {
      throw new WechatApiError('WECHAT_UNAVAILABLE', null, (err as Error).message);
    }
    const text = await res.text();
    let reply: T;
    try {
      reply = JSON.parse(text) as T;
    } catch {
      throw new WechatApiError('WECHAT_UNAVAILABLE', null, `HTTP ${res.status}, non-JSON body`);
    }
    if (typeof reply.errcode === 'number' && reply.errcode !== 0) {
      this.logger.warn(`WeChat ${path.split('?')[0]} errcode ${reply.errcode}: ${reply.errmsg ?? ''}`);
      throw new WechatApiError(mapWechatErrcode(reply.errcode), reply.errcode, reply.errmsg ?? '');
    }
    if (!res.ok) throw new WechatApiError('WECHAT_UNAVAILABLE', null, `HTTP ${res.status}`);
    return reply;
  }
}
