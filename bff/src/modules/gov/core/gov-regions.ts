import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Region } from '../../region';

/** Regions the connectors need without a user: the town (root) as the default for unplaceable orders. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class GovRegions {
  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  /**
   * The town: where an order without a usable location is filed, for the town's dispatchers to
   * place. Throws (a plain error: the pull stops and keeps its cursor) while no region exists.
   */
  async town(): Promise<Region> {
    const root = await this.regions.findOne({ where: { parentId: IsNull() }, order: { createdAt: 'ASC' } });
    if (!root) throw new Error('no town region exists yet: government orders cannot be filed');
    return root;
  }

  /** The town a case belongs to: the first id of its scope path. */
  async townOf(scopePath: string): Promise<Region | null> {
    const rootId = scopePath.split('/').filter(Boolean)[0];
    return rootId ? this.regions.findOne({ where: { id: rootId } }) : null;
  }
}
