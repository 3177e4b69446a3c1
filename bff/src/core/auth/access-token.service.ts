import { Config, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { createSecretKey, KeyObject } from 'crypto';
import jwt, { JsonWebTokenError, TokenExpiredError } from 'jsonwebtoken';
import { allPermissions, isRole, Permission, Role } from '@zhili/shared';
import type { CoreEnv } from '../config/core-env';
import { AppError } from '../errors/app-error';
import type { Principal, PrincipalKind } from './principal';

interface AccessClaims {
  sub: string;
  knd: PrincipalKind;
  rol: Role[];
  /** Extra permission grants. */
  grt?: Permission[];
  /** Data scope path (staff). */
  scp?: string | null;
  /** Staff: the password must be changed first (see AuthGuard). */
  pwc?: true;
  /** Login session (refresh-token family) the token belongs to. */
  sid?: string;
  /** Issued-at in milliseconds: revocation must tell apart tokens issued within the same second. */
  ims?: number;
  iat?: number;
  exp?: number;
}

const isPermission = (p: unknown): p is Permission => (allPermissions as readonly unknown[]).includes(p);

const ISSUER = 'zhili-bff';

/** Short-lived HS256 access tokens, used alike by HTTP and the socket.io handshake. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AccessTokenService {
  @Config('zhili.env')
  private env!: CoreEnv;

  private keyObject?: KeyObject;

  /**
   * The secret as a KeyObject, built once. Given a plain string, jsonwebtoken first tries to parse it
   * as a public key on every call (≈ 50× slower per verify, measured by the http-baseline bench).
   */
  private get key(): KeyObject {
    this.keyObject ??= createSecretKey(Buffer.from(this.env.JWT_SECRET, 'utf8'));
    return this.keyObject;
  }

  get ttlSec(): number {
    return this.env.ACCESS_TOKEN_TTL_SEC;
  }

  sign(principal: Principal): string {
    const claims: AccessClaims = {
      sub: principal.id,
      knd: principal.kind,
      rol: principal.roles,
      ...(principal.grants?.length ? { grt: principal.grants } : {}),
      ...(principal.kind === 'staff' ? { scp: principal.scopePath ?? null } : {}),
      ...(principal.passwordChangeRequired ? { pwc: true as const } : {}),
      ...(principal.sessionId ? { sid: principal.sessionId } : {}),
      ims: Date.now(),
    };
    return jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      issuer: ISSUER,
      expiresIn: this.env.ACCESS_TOKEN_TTL_SEC,
    });
  }

  /** Verifies signature, issuer, algorithm and expiry; maps failures to our 401 codes. */
  verify(token: string): Principal {
    try {
      const decoded = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof decoded !== 'object' || decoded === null) throw new AppError('AUTH_TOKEN_INVALID');
      const { sub, knd, rol, grt, scp, pwc, sid, ims, iat, exp } = decoded as Partial<AccessClaims>;
      if (typeof sub !== 'string' || (knd !== 'mp' && knd !== 'staff') || !Array.isArray(rol) || !rol.every(isRole)) {
        throw new AppError('AUTH_TOKEN_INVALID');
      }
      if (grt !== undefined && !(Array.isArray(grt) && grt.every(isPermission)))
        throw new AppError('AUTH_TOKEN_INVALID');
      if (scp !== undefined && scp !== null && typeof scp !== 'string') throw new AppError('AUTH_TOKEN_INVALID');
      if ((pwc !== undefined && pwc !== true) || (sid !== undefined && typeof sid !== 'string'))
        throw new AppError('AUTH_TOKEN_INVALID');
      if (ims !== undefined && !Number.isSafeInteger(ims)) throw new AppError('AUTH_TOKEN_INVALID');
      return {
        id: sub,
        kind: knd,
        roles: rol,
        grants: grt ?? [],
        scopePath: scp ?? null,
        passwordChangeRequired: pwc === true,
        sessionId: sid,
        // Tokens from before `ims` existed: the start of their second (errs towards "revoked").
        issuedAt: ims ?? (iat === undefined ? undefined : iat * 1000),
        // Long-lived connections (sockets) end when the token they were opened with expires.
        expiresAt: typeof exp === 'number' ? exp * 1000 : undefined,
      };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof TokenExpiredError) throw new AppError('AUTH_TOKEN_EXPIRED');
      if (err instanceof JsonWebTokenError) throw new AppError('AUTH_TOKEN_INVALID');
      throw err;
    }
  }

  /** Extracts the token from `Authorization: Bearer …`; undefined when absent. */
  static fromHeader(header: string | undefined): string | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    return match?.[1];
  }
}
