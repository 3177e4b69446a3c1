import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InfraService } from '../../core/infra/infra.service';
import { MFA_TOKEN_TTL_SEC } from '../../core/auth/mfa-token.service';

const spentKey = (jti: string) => `auth:mfa_token_spent:${jti}`;
const enrolledKey = (jti: string) => `auth:mfa_token_enrolled:${jti}`;

/**
 * What happened to an mfaToken, by its id, in the shared cache for the token's lifetime:
 * - spent: it completed a login (a token yields one session only);
 * - enrolled: TOTP was enrolled with it, which proved the second factor (a code from the new
 *   authenticator), so the login may complete without asking for another code — the one just typed
 *   would be refused as a replay, and waiting 30 s for the next is pointless friction.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MfaChallengeStore {
  @Inject()
  private infraService!: InfraService;

  private get cache() {
    return this.infraService.infra.cache;
  }

  async isSpent(jti: string): Promise<boolean> {
    return (await this.cache.get(spentKey(jti))) !== null;
  }

  /** True for the one caller that spends the token. */
  async spend(jti: string): Promise<boolean> {
    return this.cache.setIfAbsent(spentKey(jti), '1', MFA_TOKEN_TTL_SEC + 60);
  }

  async markEnrolled(jti: string): Promise<void> {
    await this.cache.set(enrolledKey(jti), '1', MFA_TOKEN_TTL_SEC + 60);
  }

  async wasEnrolled(jti: string): Promise<boolean> {
    return (await this.cache.get(enrolledKey(jti))) !== null;
  }
}
