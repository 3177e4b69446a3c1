import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { HouseholdType } from '@zhili/shared';
import { prefixCondition, needsPrefixRange } from '../../core/scope/data-scope';
import { RegionStatsService, SubtreeTallies, emptyTally } from '../region';
import type { PathTally, RegionStatsSource, TagCount } from '../region';
import { Business, House, Household, Person, PersonTag, TagDefinition } from './entities';

interface GroupRow {
  path: string;
  kind: string | null;
  n: string | number;
}

/**
 * Registry statistics of a region subtree (village overview, map properties). Every count is a
 * GROUP BY over the indexed scope_path prefix; the number of groups is bounded by the number of
 * regions, never by the number of records.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegistryRegionStats implements RegionStatsSource {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private stats!: RegionStatsService;

  @Init()
  register(): void {
    this.stats.register(this);
  }

  async tallies(path: string): Promise<SubtreeTallies> {
    const [persons, households, houses, businesses] = await Promise.all([
      this.grouped(Person, path, 't.hukou_type', "t.status = 'active'"),
      this.grouped(Household, path, 't.household_type'),
      this.grouped(House, path, null),
      this.grouped(Business, path, null),
    ]);
    const byPath = new Map<string, PathTally>();
    const at = (p: string): PathTally => {
      let t = byPath.get(p);
      if (!t) byPath.set(p, (t = emptyTally()));
      return t;
    };
    for (const r of persons) {
      at(r.path).counts.persons += Number(r.n);
      if (r.kind === 'floating') at(r.path).floatingPersons += Number(r.n);
    }
    for (const r of households) {
      at(r.path).counts.households += Number(r.n);
      const type = r.kind as HouseholdType;
      if (type in at(r.path).householdsByType) at(r.path).householdsByType[type] += Number(r.n);
    }
    for (const r of houses) at(r.path).counts.houses += Number(r.n);
    for (const r of businesses) at(r.path).counts.businesses += Number(r.n);
    return new SubtreeTallies(byPath);
  }

  /**
   * Active persons per tag in the subtree, with the tag's name: every active tag definition (0 when
   * unused, so charts keep their categories) plus inactive tags still carried by someone.
   */
  async personsByTag(path: string): Promise<TagCount[]> {
    const [rows, tags] = await Promise.all([
      this.dataSource
        .getRepository(PersonTag)
        .createQueryBuilder('pt')
        .innerJoin(Person, 'p', "p.id = pt.person_id AND p.status = 'active'")
        .select('pt.tag_code', 'code')
        .addSelect('COUNT(*)', 'n')
        .where(...prefixCondition('pt.scope_path', path, 'prefix', needsPrefixRange(this.dataSource)))
        .groupBy('pt.tag_code')
        .getRawMany<{ code: string; n: string | number }>(),
      this.dataSource.getRepository(TagDefinition).find({ order: { sortOrder: 'ASC', code: 'ASC' } }),
    ]);
    const counts = new Map(rows.map((r) => [r.code, Number(r.n)]));
    return tags
      .filter((t) => t.active || counts.has(t.code))
      .map((t) => ({ code: t.code, name: t.name, count: counts.get(t.code) ?? 0 }));
  }

  private grouped(
    entity: EntityTarget<ObjectLiteral>,
    prefix: string,
    kindColumn: string | null,
    condition?: string,
  ): Promise<GroupRow[]> {
    const qb = this.dataSource
      .getRepository(entity)
      .createQueryBuilder('t')
      .select('t.scope_path', 'path')
      .addSelect(kindColumn ?? 'NULL', 'kind')
      .addSelect('COUNT(*)', 'n')
      .where(...prefixCondition('t.scope_path', prefix, 'prefix', needsPrefixRange(this.dataSource)))
      .groupBy('t.scope_path');
    if (kindColumn) qb.addGroupBy(kindColumn);
    if (condition) qb.andWhere(condition);
    return qb.getRawMany<GroupRow>();
  }
}
