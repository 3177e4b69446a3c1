import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { needsPrefixRange, prefixCondition } from '../../core/scope/data-scope';
import { Region } from './region.entity';

/** Marks a dependent found through the region's subtree on the indexed scope_path. */
export const SUBTREE = 'subtree';

/**
 * Something that may hang on a region, with the words the refusal message uses. Registry records
 * are found through their indexed scope_path (the region's subtree), accounts through their bound
 * region. Modules that refer to regions register theirs (region imports none of them).
 */
export interface RegionDependent {
  label: string;
  entity: EntityTarget<ObjectLiteral>;
  /** `SUBTREE` or a condition on alias `t` with parameter `:id`. */
  where: string;
  /** Position in the refusal message (sub-regions 0, registry 10–19, accounts 20–29). */
  rank: number;
}

/** Whether a region can be deleted: nothing may refer to it, or records and accounts would dangle. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegionUsageService {
  @InjectDataSource()
  private dataSource!: DataSource;

  private dependents: RegionDependent[] = [{ label: '下级区域', entity: Region, where: 't.parent_id = :id', rank: 0 }];

  register(...dependents: RegionDependent[]): void {
    this.dependents = [...this.dependents, ...dependents].sort((a, b) => a.rank - b.rank);
  }

  /** Labels of what still refers to the region (empty = deletable); one LIMIT 1 query each. */
  async blockers(region: Pick<Region, 'id' | 'path'>): Promise<string[]> {
    const [subtreeSql, subtreeParams] = prefixCondition(
      't.scope_path',
      region.path,
      'prefix',
      needsPrefixRange(this.dataSource),
    );
    const params = { id: region.id, ...subtreeParams };
    const found = await Promise.all(
      this.dependents.map(async ({ label, entity, where }) => {
        const exists = await this.dataSource
          .getRepository(entity)
          .createQueryBuilder('t')
          .where(where === SUBTREE ? subtreeSql : where, params)
          .limit(1)
          .getExists();
        return exists ? label : null;
      }),
    );
    return found.filter((label): label is string => label !== null);
  }
}
