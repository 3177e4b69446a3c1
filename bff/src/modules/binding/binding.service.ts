import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import * as QRCode from 'qrcode';
import { DataSource, In, QueryFailedError, Repository, SelectQueryBuilder } from 'typeorm';
import { bindingRoleRules, permissionsOf, roleLabels, type RegionLevelName } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import type { Principal } from '../../core/auth/principal';
import type { ClientInfo } from '../../core/auth/session.service';
import { PiiCipher } from '../../core/crypto/pii-cipher';
import { assertInScope } from '../../core/scope/data-scope';
import { Page, PageRequest, ScopedRepository } from '../../core/scope/scoped-repository';
import { AuditService } from '../../core/audit';
import { Region } from '../region';
import { BindingCode, BindingRole, BindingStatus } from './binding-code.entity';
import { CODE_HASH_PURPOSE, CODE_TTL_MS, generateCode, QR_PREFIX } from './binding-code';
import type { BindingIssuedVO, BindingVO } from '@zhili/shared';

export interface NewBinding {
  role: BindingRole;
  regionId: string;
  note?: string;
}

const levelLabels: Record<RegionLevelName, string> = { town: '镇', community: '社区', village: '村', grid: '网格' };

export function bindingStatus(code: BindingCode, now = Date.now()): BindingStatus {
  if (code.redeemedAt) return 'redeemed';
  return code.expiresAt.getTime() <= now ? 'expired' : 'pending';
}

/** Staff side of binding codes: issue (one-time, 72 h, hashed at rest) and list within scope. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class BindingService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @InjectEntityModel(BindingCode)
  private codes!: Repository<BindingCode>;

  /** Read-only: the region a code binds to, and names for the list. */
  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private audit!: AuditService;

  private scopedRepo?: ScopedRepository<BindingCode>;

  private get scoped(): ScopedRepository<BindingCode> {
    this.scopedRepo ??= new ScopedRepository(this.dataSource, BindingCode, 'scopePath', 'b');
    return this.scopedRepo;
  }

  async issue(principal: Principal, input: NewBinding, client: ClientInfo): Promise<BindingIssuedVO> {
    // Nobody hands out more than they may: the shared table names what the issuer must hold per role
    // (a grid worker's registry permissions; party affairs for party members).
    const rule = bindingRoleRules[input.role];
    const held = permissionsOf(principal.roles, principal.grants);
    if (!rule.issuerPermissions.every((p) => held.has(p))) {
      throw new AppError('FORBIDDEN', '不能签发超出本人权限的身份');
    }
    const region = await this.regions.findOneBy({ id: input.regionId });
    assertInScope(principal, region?.path);
    const { path, level } = region as Region;
    // A grid worker's code names the grid they will work (their whole registry scope).
    if (!rule.regionLevels.includes(level)) {
      const allowed = rule.regionLevels.map((l) => levelLabels[l]).join('、');
      const message = `${roleLabels[input.role]}绑定码的所属区域须为${allowed}`;
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'regionId', message }]);
    }
    const expiresAt = new Date(Date.now() + CODE_TTL_MS);
    const id = randomUUID();
    const code = await this.insertWithFreshCode((codeHash) =>
      this.codes.insert({
        id,
        codeHash,
        role: input.role,
        regionId: input.regionId,
        scopePath: path,
        note: input.note?.trim() || null,
        issuedBy: principal.id,
        expiresAt,
        redeemedBy: null,
        redeemedAt: null,
      }),
    );
    await this.audit.record({
      actor: principal,
      client,
      action: 'binding.issue',
      resourceType: 'binding_code',
      resourceId: id,
      result: 'success',
      detail: { role: input.role, regionId: input.regionId },
    });
    const qrDataUrl = await QRCode.toDataURL(`${QR_PREFIX}${code}`, {
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 280,
    });
    return { id, code, expiresAt: expiresAt.toISOString(), qrDataUrl };
  }

  /** 2^40 codes make a clash with a stored hash very unlikely; if one happens, draw again. */
  private async insertWithFreshCode(insert: (codeHash: string) => Promise<unknown>): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      const code = generateCode();
      try {
        await insert(this.cipher.digest(CODE_HASH_PURPOSE, code));
        return code;
      } catch (err) {
        if (!(err instanceof QueryFailedError) || attempt >= 3) throw err;
      }
    }
  }

  async list(principal: Principal, page: PageRequest, status?: BindingStatus): Promise<Page<BindingVO>> {
    const now = new Date();
    const { items, total } = await this.scoped.list(principal, page, (qb) =>
      filterStatus(qb, status, now).orderBy('b.created_at', 'DESC').addOrderBy('b.id', 'ASC'),
    );
    const ids = [...new Set(items.map((c) => c.regionId))];
    const regions = ids.length
      ? await this.regions.find({ where: { id: In(ids) }, select: { id: true, name: true } })
      : [];
    const names = new Map(regions.map((r) => [r.id, r.name]));
    return {
      total,
      items: items.map((c) => ({
        id: c.id,
        role: c.role,
        regionId: c.regionId,
        regionName: names.get(c.regionId) ?? null,
        note: c.note,
        status: bindingStatus(c, now.getTime()),
        expiresAt: c.expiresAt.toISOString(),
        createdAt: c.createdAt.toISOString(),
        issuedBy: c.issuedBy,
        redeemedAt: c.redeemedAt?.toISOString() ?? null,
        redeemedBy: c.redeemedBy,
      })),
    };
  }
}

function filterStatus(
  qb: SelectQueryBuilder<BindingCode>,
  status: BindingStatus | undefined,
  now: Date,
): SelectQueryBuilder<BindingCode> {
  if (status === 'redeemed') return qb.andWhere('b.redeemed_at IS NOT NULL');
  if (status === 'pending') return qb.andWhere('b.redeemed_at IS NULL AND b.expires_at > :now', { now });
  if (status === 'expired') return qb.andWhere('b.redeemed_at IS NULL AND b.expires_at <= :now', { now });
  return qb;
}
