import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import type { AuditAction, EstateVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { Principal } from '../../../core/auth/principal';
import { likeEscape } from '../../../core/scope/data-scope';
import { Page, ScopedRepository } from '../../../core/scope/scoped-repository';
import { Acting, AuditActorService } from '../../../core/audit';
import { Estate } from '../entities';
import { countBy, exists } from './counts';
import { PlacementService } from './placement';

export interface EstateQuery {
  page: number;
  pageSize: number;
  regionId?: string;
  q?: string;
}

export interface EstateInput {
  name: string;
  regionId: string;
  address?: string | null;
}

/** 小区: placed in a community/village or grid of the caller's subtree. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EstateService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private placement!: PlacementService;

  @Inject()
  private audit!: AuditActorService;

  get scoped(): ScopedRepository<Estate> {
    return new ScopedRepository(this.dataSource, Estate, 'scopePath', 'e');
  }

  async list(actor: Principal, query: EstateQuery): Promise<Page<EstateVO>> {
    const regionPath = await this.placement.filterPath(actor, query.regionId);
    const page = await this.scoped.list(
      actor,
      query,
      (qb) => {
        if (query.q) qb.andWhere("e.name LIKE :q ESCAPE '!'", { q: `%${likeEscape(query.q)}%` });
        return qb.orderBy('e.name', 'ASC').addOrderBy('e.id', 'ASC');
      },
      regionPath,
    );
    return { items: await this.views(page.items), total: page.total };
  }

  async get(actor: Principal, id: string): Promise<EstateVO> {
    return (await this.views([await this.scoped.get(actor, id)]))[0];
  }

  async create(acting: Acting, input: EstateInput): Promise<EstateVO> {
    const region = await this.placement.place(acting.actor, input.regionId);
    const estate = this.dataSource.getRepository(Estate).create({
      id: randomUUID(),
      name: input.name,
      address: input.address || null,
      regionId: region.id,
      scopePath: region.path,
      lng: null,
      lat: null,
    });
    await this.dataSource.getRepository(Estate).insert(estate);
    await this.record(acting, 'estate.create', estate.id, { name: estate.name, regionId: region.id });
    return this.get(acting.actor, estate.id);
  }

  async update(acting: Acting, id: string, change: Partial<Omit<EstateInput, 'regionId'>>): Promise<EstateVO> {
    const estate = await this.scoped.update(acting.actor, id, (e) => {
      if (change.name !== undefined) e.name = change.name;
      if (change.address !== undefined) e.address = change.address || null;
    });
    await this.record(acting, 'estate.update', estate.id, { fields: Object.keys(change) });
    return this.get(acting.actor, estate.id);
  }

  /** Refused (409 RECORD_IN_USE) while the estate still has buildings or houses. */
  async delete(acting: Acting, id: string): Promise<void> {
    const estate = await this.scoped.get(acting.actor, id);
    if (
      (await exists(this.dataSource, 'building', 'estate_id', id)) ||
      (await exists(this.dataSource, 'house', 'estate_id', id))
    ) {
      throw new AppError('RECORD_IN_USE', '该小区下还有楼栋或房屋，请先删除');
    }
    await this.dataSource.getRepository(Estate).delete({ id: estate.id });
    await this.record(acting, 'estate.delete', estate.id, { name: estate.name });
  }

  private async views(estates: Estate[]): Promise<EstateVO[]> {
    const ids = estates.map((e) => e.id);
    const [names, buildings, houses] = await Promise.all([
      this.placement.names(estates.map((e) => e.regionId)),
      countBy(this.dataSource, 'building', 'estate_id', ids),
      countBy(this.dataSource, 'house', 'estate_id', ids),
    ]);
    return estates.map((e) => ({
      id: e.id,
      name: e.name,
      address: e.address,
      regionId: e.regionId,
      regionName: names.get(e.regionId) ?? '',
      buildingCount: buildings.get(e.id) ?? 0,
      houseCount: houses.get(e.id) ?? 0,
    }));
  }

  private async record(
    acting: Acting,
    action: AuditAction,
    id: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(acting, { action, resourceType: 'estate', resourceId: id, result: 'success', detail });
  }
}
