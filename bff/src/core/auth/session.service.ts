import { Inject, Provide, Scope, ScopeEnum, Config } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { DataSource, IsNull } from 'typeorm';
import type { TokenPair } from '@zhili/shared';
import type { AppEnv } from '../../config/env';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from './access-token.service';
import { InfraService } from '../infra/infra.service';
import { AuthSession } from './auth-session.entity';
import type { Principal, PrincipalKind } from './principal';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const revocationKey = (kind: PrincipalKind, subjectId: string) => `auth:valid_after:${kind}:${subjectId}`;

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
  private env!: AppEnv;

  @Inject()
  private infraService!: InfraService;

  /**
   * Ends every session of a subject at once (disable, role or scope change, "log out everywhere"):
   * refresh tokens are revoked in the database, and access tokens issued up to now are refused by
   * the guard until they would have expired anyway.
   */
  async revokeAllFor(kind: PrincipalKind, subjectId: string): Promise<void> {
    await this.dataSource
      .getRepository(AuthSession)
      .update({ subjectKind: kind, subjectId, revokedAt: IsNull() }, { revokedAt: new Date() });
    const nowSec = Math.floor(Date.now() / 1000);
    await this.infraService.infra.cache.set(revocationKey(kind, subjectId), String(nowSec), this.env.ACCESS_TOKEN_TTL_SEC + 60);
  }

  /** Whether an access token issued at `issuedAtSec` was revoked by revokeAllFor. */
  async isRevoked(kind: PrincipalKind, subjectId: string, issuedAtSec: number | undefined): Promise<boolean> {
    const validAfter = await this.infraService.infra.cache.get(revocationKey(kind, subjectId));
    if (!validAfter) return false;
    return issuedAtSec === undefined || issuedAtSec <= Number(validAfter);
  }

  async issue(principal: Principal, client: ClientInfo, familyId: string = randomUUID()): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(AuthSession).insert({
      id: randomUUID(),
      subjectKind: principal.kind,
      subjectId: principal.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.env.REFRESH_TOKEN_TTL_SEC * 1000),
      rotatedAt: null,
      revokedAt: null,
      userAgent: client.userAgent?.slice(0, 255) ?? null,
      ip: client.ip?.slice(0, 64) ?? null,
    });
    return { accessToken: this.accessTokens.sign(principal), refreshToken, expiresIn: this.accessTokens.ttlSec };
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already rotated is a sign of theft:
   * the whole family is revoked and the caller must log in again.
   */
  async refresh(
    kind: PrincipalKind,
    refreshToken: string,
    client: ClientInfo,
    loadPrincipal: (subjectId: string) => Promise<Principal>,
  ): Promise<TokenPair> {
    const repo = this.dataSource.getRepository(AuthSession);
    const session = await repo.findOneBy({ tokenHash: hashToken(refreshToken), subjectKind: kind });
    if (!session) throw new AppError('AUTH_TOKEN_INVALID');
    if (session.rotatedAt) {
      await repo.update({ familyId: session.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      throw new AppError('AUTH_TOKEN_INVALID');
    }
    if (session.revokedAt || session.expiresAt.getTime() <= Date.now()) throw new AppError('AUTH_TOKEN_INVALID');
    // Claim the token atomically: of two concurrent refreshes with the same token only one wins.
    const claimed = await repo.update({ id: session.id, rotatedAt: IsNull() }, { rotatedAt: new Date() });
    if (!claimed.affected) throw new AppError('AUTH_TOKEN_INVALID');
    const principal = await loadPrincipal(session.subjectId);
    return this.issue(principal, client, session.familyId);
  }
}
