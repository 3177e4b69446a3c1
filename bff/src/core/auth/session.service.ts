import { Inject, Provide, Scope, ScopeEnum, Config } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { DataSource, IsNull } from 'typeorm';
import type { TokenPair } from '@zhili/shared';
import type { AppEnv } from '../../config/env';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from './access-token.service';
import { AuthSession } from './auth-session.entity';
import type { Principal, PrincipalKind } from './principal';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

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
