import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { randomBytes, randomUUID } from 'crypto';
import type { IssuedOpen311KeyVO, Open311KeyVO } from '@zhili/shared';
import type { AppEnv } from '../../../config/env';
import { AppError } from '../../../core/errors/app-error';
import { inScope, scopePrefix, whereStartsWith } from '../../../core/scope/data-scope';
import { Acting, AuditActorService } from '../../../core/audit';
import { Open311Key } from '../open311-key.entity';
import { API_KEY_PATTERN, API_KEY_PREFIX_LENGTH, Open311KeyHasher } from './open311-key-hash';

export type IssuedOpen311Key = IssuedOpen311KeyVO;

const toVO = (k: Open311Key): Open311KeyVO => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: new Date(k.createdAt).toISOString(),
  lastUsedAt: k.lastUsedAt ? new Date(k.lastUsedAt).toISOString() : null,
  revokedAt: k.revokedAt ? new Date(k.revokedAt).toISOString() : null,
});

/**
 * Open311 `api_key`s: 32 random bytes (base64url) shown once at issue; stored as a keyed hash plus
 * an 8-character prefix. A key carries the issuing staff member's scope: requests posted with it
 * must lie there. Staff see and revoke the keys of their own subtree.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Open311KeyService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Config('zhili.env')
  private env!: Pick<AppEnv, 'JWT_SECRET'>;

  @Inject()
  private audit!: AuditActorService;

  private hasher?: Open311KeyHasher;

  private get keys() {
    return this.dataSource.getRepository(Open311Key);
  }

  private hashOf(apiKey: string): string {
    this.hasher ??= new Open311KeyHasher(this.env.JWT_SECRET);
    return this.hasher.hash(apiKey);
  }

  async list(acting: Acting): Promise<Open311KeyVO[]> {
    const prefix = scopePrefix(acting.actor);
    if (!prefix) return [];
    const qb = this.keys.createQueryBuilder('k').orderBy('k.created_at', 'DESC').addOrderBy('k.id', 'ASC');
    return (await whereStartsWith(qb, 'k.scope_path', prefix, 'scope').getMany()).map(toVO);
  }

  async issue(acting: Acting, name: string): Promise<IssuedOpen311Key> {
    const scopePath = scopePrefix(acting.actor);
    if (!scopePath) throw new AppError('FORBIDDEN', '您的账号未绑定管辖区域，不能签发密钥');
    const key = randomBytes(32).toString('base64url');
    const row = this.keys.create({
      id: randomUUID(),
      name,
      keyHash: this.hashOf(key),
      prefix: key.slice(0, API_KEY_PREFIX_LENGTH),
      scopePath,
      createdBy: acting.actor.id,
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.keys.insert(row);
    await this.audit.record(acting, {
      action: 'open311.key.issue',
      resourceType: 'open311_key',
      resourceId: row.id,
      result: 'success',
      detail: { name, prefix: row.prefix },
    });
    const saved = await this.keys.findOneByOrFail({ id: row.id });
    return { key, ...toVO(saved) };
  }

  /** Revokes a key of the caller's subtree (404 otherwise); revoking twice keeps the first time. */
  async revoke(acting: Acting, id: string): Promise<void> {
    const row = await this.keys.findOneBy({ id });
    if (!row || !inScope(acting.actor, row.scopePath)) throw new AppError('NOT_FOUND', '密钥不存在');
    if (!row.revokedAt) await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.audit.record(acting, {
      action: 'open311.key.revoke',
      resourceType: 'open311_key',
      resourceId: id,
      result: 'success',
      detail: { name: row.name, prefix: row.prefix },
    });
  }

  /** The live key a client presented, or null (unknown, malformed or revoked); marks it used. */
  async authenticate(apiKey: string | undefined, now = new Date()): Promise<Open311Key | null> {
    if (!apiKey || !API_KEY_PATTERN.test(apiKey)) return null;
    const row = await this.keys.findOneBy({ keyHash: this.hashOf(apiKey) });
    if (!row || row.revokedAt) return null;
    await this.keys.update({ id: row.id }, { lastUsedAt: now });
    return row;
  }
}
