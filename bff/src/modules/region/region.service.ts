import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { Repository } from 'typeorm';
import { AppError } from '../../core/errors/app-error';
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
}
