import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { AppError } from '../../../core/errors/app-error';
import { InfraService } from '../../../core/infra/infra.service';
import { checkGovSignature, GOV_TIME_WINDOW_MS, type GovCredentials } from './gov-signing';

/** Nonces are remembered for twice the window: anything older fails the timestamp check anyway. */
const NONCE_TTL_SEC = (2 * GOV_TIME_WINDOW_MS) / 1000;

/**
 * Authenticates a push from a government platform before anything is parsed: HMAC signature over
 * the raw body, timestamp within ±300 s, nonce used once cluster-wide (shared infra cache).
 * Failures: 401 GOV_SIGNATURE_INVALID (missing/unknown key/bad signature), 409 GOV_REPLAY (stale
 * timestamp or reused nonce).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class GovCallbackVerifier {
  @Inject()
  private infraService!: InfraService;

  @Logger()
  private logger!: ILogger;

  /** Resolves the parsed JSON body of an authentic, fresh request. */
  async verify(connector: string, creds: GovCredentials | null, ctx: Context, now = Date.now()): Promise<unknown> {
    // A connector that is not configured has no callback.
    if (!creds) throw new AppError('NOT_FOUND');
    const raw = (ctx.request as { rawBody?: string }).rawBody ?? '';
    const check = checkGovSignature(
      creds,
      { method: ctx.method, path: ctx.path, body: raw, header: (name) => ctx.get(name) || undefined },
      now,
    );
    if (!check.ok) {
      this.logger.warn('[gov] %s callback refused (%s) from %s', connector, check.reason, ctx.ip);
      throw new AppError(check.reason === 'timestamp' ? 'GOV_REPLAY' : 'GOV_SIGNATURE_INVALID');
    }
    const fresh = await this.infraService.infra.cache.setIfAbsent(
      `gov:nonce:${connector}:${check.nonce}`,
      String(check.timestamp),
      NONCE_TTL_SEC,
    );
    if (!fresh) {
      this.logger.warn('[gov] %s callback refused (nonce reused) from %s', connector, ctx.ip);
      throw new AppError('GOV_REPLAY');
    }
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new AppError('VALIDATION_FAILED', '请求体必须是 JSON');
    }
  }
}
