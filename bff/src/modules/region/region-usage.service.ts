import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { needsPrefixRange, prefixCondition } from '../../core/scope/data-scope';
import { Building, BuildingUnit, Business, Estate, House, Household, Person } from '../registry/entities';
import { MpUser } from '../mp-user/mp-user.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { Region } from './region.entity';

/**
 * What may hang on a region, with the words the refusal message uses. Registry records are found
 * through their indexed scope_path (the region's subtree), accounts through their bound region.
 */
/** Marks a dependent found through the region's subtree on the indexed scope_path. */
const SUBTREE = 'subtree';

const DEPENDENTS: { label: string; entity: EntityTarget<ObjectLiteral>; where: string }[] = [
  { label: '下级区域', entity: Region, where: 't.parent_id = :id' },
  { label: '小区', entity: Estate, where: SUBTREE },
  { label: '楼栋', entity: Building, where: SUBTREE },
  { label: '单元', entity: BuildingUnit, where: SUBTREE },
  { label: '房屋', entity: House, where: SUBTREE },
  { label: '居民', entity: Person, where: SUBTREE },
  { label: '农户', entity: Household, where: SUBTREE },
  { label: '经营单位', entity: Business, where: SUBTREE },
  { label: '绑定的工作人员账号', entity: StaffUser, where: 't.region_id = :id' },
  { label: '绑定的小程序用户', entity: MpUser, where: 't.region_id = :id' },
];

/** Whether a region can be deleted: nothing may refer to it, or records and accounts would dangle. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegionUsageService {
  @InjectDataSource()
  private dataSource!: DataSource;

  /** Labels of what still refers to the region (empty = deletable); one LIMIT 1 query each. */
  async blockers(region: Pick<Region, 'id' | 'path'>): Promise<string[]> {
    const [subtreeSql, subtreeParams] = prefixCondition('t.scope_path', region.path, 'prefix', needsPrefixRange(this.dataSource));
    const params = { id: region.id, ...subtreeParams };
    const found = await Promise.all(
      DEPENDENTS.map(async ({ label, entity, where }) => {
        const exists = await this.dataSource.getRepository(entity).createQueryBuilder('t').where(where === SUBTREE ? subtreeSql : where, params).limit(1).getExists();
        return exists ? label : null;
      }),
    );
    return found.filter((label): label is string => label !== null);
  }
}
