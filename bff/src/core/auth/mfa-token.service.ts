import { Config, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { createSecretKey, KeyObject, randomUUID } from 'crypto';
import jwt from 'jsonwebtoken';
import type { CoreEnv } from '../config/core-env';
import { AppError } from '../errors/app-error';
import { deriveKey } from './derived-keys';
import type { MfaChallenge } from './mfa-challenge';

const ISSUER = 'zhili-bff';
const AUDIENCE = 'zhili-admin-mfa';
const PURPOSE = 'staff-mfa';

/** Lifetime of the step between password and second factor (contract: 5 minutes). */
export const MFA_TOKEN_TTL_SEC = 300;

interface MfaClaims {
  sub: string;
  pur: typeof PURPOSE;
  jti: string;
  ims: number;
}

/**
 * The `mfaToken` of a login that passed the password and waits for its second factor. Scoped three
 * ways so it can never act as an access token: it is signed with its own key (HKDF of JWT_SECRET,
 * purpose "mfa-token"), so AccessTokenService cannot verify it at all; it carries an audience and
 * a purpose claim checked here; and only POST /api/admin/auth/mfa and routes marked
 * @AcceptMfaToken() (enrolment) ever call verify(). It lives 5 minutes and is spent by a login.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MfaTokenService {
  @Config('zhili.env')
  private env!: CoreEnv;

  private keyObject?: KeyObject;

  private get key(): KeyObject {
    this.keyObject ??= createSecretKey(deriveKey(this.env.JWT_SECRET, 'mfa-token'));
    return this.keyObject;
  }

  sign(userId: string): string {
    const claims: MfaClaims = { sub: userId, pur: PURPOSE, jti: randomUUID(), ims: Date.now() };
    return jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: MFA_TOKEN_TTL_SEC,
    });
  }

  /**
   * Any failure, expiry included, is AUTH_TOKEN_INVALID ("log in again"): AUTH_TOKEN_EXPIRED would
   * make clients try a refresh, and there is nothing to refresh before the second factor.
   */
  verify(token: string): MfaChallenge {
    let decoded: unknown;
    try {
      decoded = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    } catch {
      throw new AppError('AUTH_TOKEN_INVALID');
    }
    const { sub, pur, jti, ims } = (
      typeof decoded === 'object' && decoded !== null ? decoded : {}
    ) as Partial<MfaClaims>;
    if (typeof sub !== 'string' || pur !== PURPOSE || typeof jti !== 'string' || !Number.isSafeInteger(ims)) {
      throw new AppError('AUTH_TOKEN_INVALID');
    }
    return { userId: sub, jti, issuedAt: ims as number };
  }
}
