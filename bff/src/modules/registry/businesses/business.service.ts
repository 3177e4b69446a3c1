import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { maskPhone } from '@zhili/shared';
import type {
  AuditAction,
  BusinessCreateInput,
  BusinessListQuery,
  BusinessUpdateInput,
  BusinessVO,
} from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { likeEscape } from '../../../core/scope/data-scope';
import { Page, ScopedRepository } from '../../../core/scope/scoped-repository';
import { Acting, AuditActorService } from '../../../core/audit';
import { Business } from '../entities';
import { PlacementService } from '../places/placement';

const DUPLICATE = '该统一社会信用代码已登记';

/**
 * 经营单位 of the caller's subtree. The contact phone is sealed at rest and masked in every view;
 * the unmasked value comes from `pii()` alone, which is audited.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class BusinessService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private placement!: PlacementService;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private audit!: AuditActorService;

  get scoped(): ScopedRepository<Business> {
    return new ScopedRepository(this.dataSource, Business, 'scopePath', 'b');
  }

  async list(actor: Principal, query: BusinessListQuery): Promise<Page<BusinessVO>> {
    const regionPath = await this.placement.filterPath(actor, query.regionId);
    const page = await this.scoped.list(
      actor,
      query,
      (qb) => {
        if (query.type) qb.andWhere('b.business_type = :type', { type: query.type });
        if (query.status) qb.andWhere('b.status = :status', { status: query.status });
        if (query.q) qb.andWhere("b.name LIKE :q ESCAPE '!'", { q: `%${likeEscape(query.q)}%` });
        return qb.orderBy('b.name', 'ASC').addOrderBy('b.id', 'ASC');
      },
      regionPath,
    );
    return { items: await this.views(page.items), total: page.total };
  }

  async get(actor: Principal, id: string): Promise<BusinessVO> {
    return (await this.views([await this.scoped.get(actor, id)]))[0];
  }

  async create(acting: Acting, input: BusinessCreateInput): Promise<BusinessVO> {
    const region = await this.placement.place(acting.actor, input.regionId);
    await this.assertUnique(input.creditCode, null);
    const business = this.dataSource.getRepository(Business).create({
      id: randomUUID(),
      name: input.name,
      creditCode: input.creditCode,
      legalRepresentative: input.legalRepresentative || null,
      contactPhone: this.cipher.seal(input.contactPhone || null),
      address: input.address || null,
      type: input.type,
      status: input.status,
      regionId: region.id,
      scopePath: region.path,
      lng: input.location?.[0] ?? null,
      lat: input.location?.[1] ?? null,
    });
    await this.insertUnique(business);
    await this.record(acting, 'business.create', business.id, {
      name: business.name,
      uscc: business.creditCode,
      regionId: region.id,
    });
    return this.get(acting.actor, business.id);
  }

  async update(acting: Acting, id: string, change: BusinessUpdateInput): Promise<BusinessVO> {
    await this.scoped.get(acting.actor, id); // 404 before anything else is checked
    const target = change.regionId ? await this.placement.place(acting.actor, change.regionId) : null;
    if (change.creditCode) await this.assertUnique(change.creditCode, id);
    const business = await this.scoped.update(acting.actor, id, (b) => {
      if (change.name !== undefined) b.name = change.name;
      if (change.creditCode !== undefined) b.creditCode = change.creditCode;
      if (change.legalRepresentative !== undefined) b.legalRepresentative = change.legalRepresentative || null;
      if (change.contactPhone !== undefined) b.contactPhone = this.cipher.seal(change.contactPhone || null);
      if (change.address !== undefined) b.address = change.address || null;
      if (change.type !== undefined) b.type = change.type;
      if (change.status !== undefined) b.status = change.status;
      if (change.location !== undefined) [b.lng, b.lat] = change.location ?? [null, null];
      if (target) [b.regionId, b.scopePath] = [target.id, target.path];
    });
    await this.record(acting, 'business.update', business.id, { fields: Object.keys(change) });
    return this.get(acting.actor, business.id);
  }

  async delete(acting: Acting, id: string): Promise<void> {
    const business = await this.scoped.get(acting.actor, id);
    await this.dataSource.getRepository(Business).delete({ id: business.id });
    await this.record(acting, 'business.delete', business.id, { name: business.name, uscc: business.creditCode });
  }

  /** The unmasked contact phone; every read is audited (`pii.read`). */
  async pii(acting: Acting, id: string): Promise<{ contactPhone: string | null }> {
    const business = await this.scoped.get(acting.actor, id);
    const contactPhone = this.cipher.open(business.contactPhone);
    await this.record(acting, 'pii.read', business.id, { fields: ['contactPhone'], present: contactPhone !== null });
    return { contactPhone };
  }

  /**
   * The credit code is unique in the whole installation (one business, one record), so a code
   * registered in another village is refused too — without saying where.
   */
  private async assertUnique(creditCode: string, exceptId: string | null): Promise<void> {
    const other = await this.dataSource
      .getRepository(Business)
      .findOne({ where: { creditCode }, select: { id: true } });
    if (other && other.id !== exceptId) throw new AppError('BUSINESS_DUPLICATE', DUPLICATE);
  }

  /** Insert; a concurrent insert of the same code trips the unique index and answers the same 409. */
  private async insertUnique(business: Business): Promise<void> {
    try {
      await this.dataSource.getRepository(Business).insert(business);
    } catch (err) {
      if (await this.dataSource.getRepository(Business).exist({ where: { creditCode: business.creditCode } }))
        throw new AppError('BUSINESS_DUPLICATE', DUPLICATE);
      throw err;
    }
  }

  private async views(businesses: Business[]): Promise<BusinessVO[]> {
    const names = await this.placement.names(businesses.map((b) => b.regionId));
    return businesses.map((b) => {
      const phone = this.cipher.open(b.contactPhone);
      return {
        id: b.id,
        name: b.name,
        creditCode: b.creditCode,
        legalRepresentative: b.legalRepresentative,
        contactPhone: phone ? maskPhone(phone) : null,
        address: b.address,
        type: b.type,
        status: b.status,
        regionId: b.regionId,
        regionName: names.get(b.regionId) ?? '',
        location: b.lng !== null && b.lat !== null ? [b.lng, b.lat] : null,
      };
    });
  }

  private async record(
    acting: Acting,
    action: AuditAction,
    id: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(acting, { action, resourceType: 'business', resourceId: id, result: 'success', detail });
  }
}
