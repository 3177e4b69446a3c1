import { Inject, Provide, Scope, ScopeEnum, Config } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { DataSource, IsNull } from 'typeorm';
import type { TokenPair } from '@zhili/shared';
import type { CoreEnv } from '../config/core-env';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from './access-token.service';
import { InfraService } from '../infra/infra.service';
import { AuthSession } from './auth-session.entity';
import { MFA_TOKEN_TTL_SEC } from './mfa-token.service';
import type { Principal, PrincipalKind } from './principal';
import { REVOCATION_CHANNEL, RevocationEvent } from './revocation-events';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export interface RefreshOptions {
  /** Refuse (AUTH_SESSION_IDLE) a refresh token that has not been used for this long. */
  idleTimeoutSec?: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const revocationKey = (kind: PrincipalKind, subjectId: string) => `auth:valid_after:${kind}:${subjectId}`;
const sessionRevokedKey = (sessionId: string) => `auth:session_revoked:${sessionId}`;

/** Values written before revocation used milliseconds were seconds since epoch. */
const asMs = (value: number) => (value < 1e12 ? value * 1000 : value);

/**
 * Issues access + refresh token pairs and rotates refresh tokens. The caller supplies how to
 * reload a principal (roles may have changed, the account may be disabled) at refresh time.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SessionService {
  @Inject()
  private accessTokens!: AccessTokenService;

  @InjectDataSource()
  private dataSource!: DataSource;

  @Config('zhili.env')
  private env!: CoreEnv;

  @Inject()
  private infraService!: InfraService;

  /** How long revocation markers must outlive the tokens they refuse (access and mfa tokens). */
  private get markerTtlSec(): number {
    return Math.max(this.env.ACCESS_TOKEN_TTL_SEC, MFA_TOKEN_TTL_SEC) + 60;
  }

  private get cache() {
    return this.infraService.infra.cache;
  }

  /**
   * Ends every session of a subject at once (disable, role or scope change, password change, "log
   * out everywhere"): refresh tokens are revoked in the database, and access (and mfa) tokens issued
   * up to now are refused by the guard until they would have expired anyway. Returns once the clock
   * has moved past the revocation instant, so tokens issued afterwards (e.g. the fresh pair after a
   * password change) are never caught by it.
   */
  async revokeAllFor(kind: PrincipalKind, subjectId: string): Promise<void> {
    await this.dataSource
      .getRepository(AuthSession)
      .update({ subjectKind: kind, subjectId, revokedAt: IsNull() }, { revokedAt: new Date() });
    const nowMs = Date.now();
    await this.cache.set(revocationKey(kind, subjectId), String(nowMs), this.markerTtlSec);
    await this.announce({ type: 'subject', kind, subjectId, validAfter: nowMs });
    while (Date.now() <= nowMs) await new Promise((resolve) => setTimeout(resolve, 1));
  }

  /** Whether a token of the subject issued at `issuedAtMs` was revoked by revokeAllFor. */
  async isRevoked(kind: PrincipalKind, subjectId: string, issuedAtMs: number | undefined): Promise<boolean> {
    const validAfter = await this.cache.get(revocationKey(kind, subjectId));
    if (!validAfter) return false;
    return issuedAtMs === undefined || issuedAtMs <= asMs(Number(validAfter));
  }

  /** revokeAllFor, or the access token's own session ended by a logout (checked concurrently). */
  async isPrincipalRevoked(principal: Principal): Promise<boolean> {
    const [subject, session] = await Promise.all([
      this.isRevoked(principal.kind, principal.id, principal.issuedAt),
      principal.sessionId ? this.cache.get(sessionRevokedKey(principal.sessionId)) : Promise.resolve(null),
    ]);
    return subject || session !== null;
  }

  /** Ends one login session: its refresh tokens, and its access tokens at once. */
  async revokeSession(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(AuthSession)
      .update({ familyId: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.cache.set(sessionRevokedKey(sessionId), '1', this.markerTtlSec);
    await this.announce({ type: 'session', sessionId });
  }

  /** Tells every node (open sockets) about a revocation already recorded in the shared cache. */
  private announce(event: RevocationEvent): Promise<void> {
    return this.infraService.infra.pubsub.publish(REVOCATION_CHANNEL, JSON.stringify(event));
  }

  /**
   * Logout with a refresh token: ends its session if it belongs to `subjectId` (someone else's token
   * is ignored, so the answer never tells whether a token exists). Returns the ended session id.
   */
  async revokeByRefreshToken(kind: PrincipalKind, subjectId: string, refreshToken: string): Promise<string | null> {
    const session = await this.dataSource
      .getRepository(AuthSession)
      .findOneBy({ tokenHash: hashToken(refreshToken), subjectKind: kind, subjectId });
    if (!session) return null;
    await this.revokeSession(session.familyId);
    return session.familyId;
  }

  async issue(principal: Principal, client: ClientInfo, familyId: string = randomUUID()): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.dataSource.getRepository(AuthSession).insert({
      id: randomUUID(),
      subjectKind: principal.kind,
      subjectId: principal.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(now.getTime() + this.env.REFRESH_TOKEN_TTL_SEC * 1000),
      rotatedAt: null,
      revokedAt: null,
      lastUsedAt: now,
      userAgent: client.userAgent?.slice(0, 255) ?? null,
      ip: client.ip?.slice(0, 64) ?? null,
    });
    const accessToken = this.accessTokens.sign({ ...principal, sessionId: familyId });
    return { accessToken, refreshToken, expiresIn: this.accessTokens.ttlSec };
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already rotated is a sign of theft:
   * the whole family is revoked and the caller must log in again. A token unused for longer than
   * the idle timeout ends its session (AUTH_SESSION_IDLE). Each rotation stamps the new token's
   * last use, so an active client (refreshing every access-token lifetime) never goes idle.
   */
  async refresh(
    kind: PrincipalKind,
    refreshToken: string,
    client: ClientInfo,
    loadPrincipal: (subjectId: string) => Promise<Principal>,
    options: RefreshOptions = {},
  ): Promise<TokenPair> {
    const repo = this.dataSource.getRepository(AuthSession);
    const session = await repo.findOneBy({ tokenHash: hashToken(refreshToken), subjectKind: kind });
    if (!session) throw new AppError('AUTH_TOKEN_INVALID');
    if (session.rotatedAt) {
      await this.revokeSession(session.familyId);
      throw new AppError('AUTH_TOKEN_INVALID');
    }
    if (session.revokedAt || session.expiresAt.getTime() <= Date.now()) throw new AppError('AUTH_TOKEN_INVALID');
    if (options.idleTimeoutSec !== undefined) {
      const lastUsed = (session.lastUsedAt ?? session.createdAt).getTime();
      if (Date.now() - lastUsed > options.idleTimeoutSec * 1000) {
        await this.revokeSession(session.familyId);
        throw new AppError('AUTH_SESSION_IDLE');
      }
    }
    // Claim the token atomically: of two concurrent refreshes with the same token only one wins.
    const claimed = await repo.update({ id: session.id, rotatedAt: IsNull() }, { rotatedAt: new Date() });
    if (!claimed.affected) throw new AppError('AUTH_TOKEN_INVALID');
    const principal = await loadPrincipal(session.subjectId);
    return this.issue(principal, client, session.familyId);
  }
}
