import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { In, Repository } from 'typeorm';
import { AppError } from '../../core/errors/app-error';
import type { Principal } from '../../core/auth/principal';
import { inScope, scopePrefix } from '../../core/scope/data-scope';
import { Acting, AuditActorService } from '../audit/audit-actor.service';
import { Region, RegionLevel } from './region.entity';

/** Which child levels each level may have. */
const CHILD_LEVELS: Record<RegionLevel, RegionLevel[]> = {
  town: ['community', 'village'],
  community: ['grid'],
  village: ['grid'],
  grid: [],
};

export interface NewRegion {
  name: string;
  level: RegionLevel;
  parentId: string | null;
  code?: string | null;
}

/** The minimal region tree the data scope needs; #4 adds boundaries, the map and full CRUD. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegionService {
  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  @Inject()
  private audit!: AuditActorService;

  async create(input: NewRegion): Promise<Region> {
    const id = randomUUID();
    let path = `/${id}/`;
    if (input.parentId) {
      const parent = await this.get(input.parentId);
      if (!CHILD_LEVELS[parent.level].includes(input.level)) {
        throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'level', message: '上级区域下不能创建该级别' }]);
      }
      path = `${parent.path}${id}/`;
    } else if (input.level !== 'town') {
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'parentId', message: '只有镇可以没有上级区域' }]);
    }
    const region = this.regions.create({ id, name: input.name, level: input.level, parentId: input.parentId, code: input.code ?? null, path });
    await this.regions.insert(region);
    return region;
  }

  async get(id: string): Promise<Region> {
    const region = await this.regions.findOneBy({ id });
    if (!region) throw new AppError('NOT_FOUND');
    return region;
  }

  async find(id: string): Promise<Region | null> {
    return this.regions.findOneBy({ id });
  }

  /** The region and all its descendants, parents before children. */
  async subtree(path: string): Promise<Region[]> {
    return this.regions
      .createQueryBuilder('r')
      .where('r.path LIKE :prefix', { prefix: `${path}%` })
      .orderBy('r.path', 'ASC')
      .getMany();
  }

  async findByIds(ids: readonly string[]): Promise<Region[]> {
    const unique = [...new Set(ids)];
    return unique.length ? this.regions.findBy({ id: In(unique) }) : [];
  }

  /**
   * A region inside the principal's subtree (their own region included); NOT_FOUND otherwise, so
   * regions of other villages cannot be probed for existence.
   */
  async getInScope(principal: Principal, id: string): Promise<Region> {
    const region = await this.find(id);
    if (!region || !inScope(principal, region.path)) {
      throw new AppError('NOT_FOUND', '区域不存在或不在您的管辖范围内');
    }
    return region;
  }

  /** Creates (and audits) a child of a region inside the actor's subtree; the parent is checked first. */
  async createInScope(acting: Acting, input: NewRegion & { parentId: string }): Promise<Region> {
    await this.getInScope(acting.actor, input.parentId);
    const region = await this.create(input);
    await this.audit.record(acting, {
      action: 'region.create',
      resourceType: 'region',
      resourceId: region.id,
      result: 'success',
      detail: { name: region.name, level: region.level, parentId: region.parentId, code: region.code },
    });
    return region;
  }

  /** The principal's subtree, parents before children; empty for a principal without a region. */
  async listInScope(principal: Principal): Promise<Region[]> {
    const prefix = scopePrefix(principal);
    return prefix ? this.subtree(prefix) : [];
  }
}
