import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { PersonVO } from '@zhili/shared';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { RegionService } from '../../region';
import { PersonTag, TagDefinition } from '../entities';
import type { Person } from '../entities';
import { todayInShanghai, toPersonVO } from './person-view';

/**
 * Turns a page of persons into `PersonVO`s with two batched lookups (region names, tag codes) —
 * never one query per row. Shared by the person list, household members and the grid worker's lists.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PersonViewsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private cipher!: PiiCipher;

  /** Tag codes per person, in the managed list's order. */
  async tagsOf(personIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (personIds.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(PersonTag)
      .createQueryBuilder('pt')
      .innerJoin(TagDefinition, 'td', 'td.code = pt.tag_code')
      .where({ personId: In([...new Set(personIds)]) })
      .orderBy('td.sort_order', 'ASC')
      .addOrderBy('td.code', 'ASC')
      .getMany();
    for (const row of rows) result.set(row.personId, [...(result.get(row.personId) ?? []), row.tagCode]);
    return result;
  }

  async regionNames(regionIds: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.regions.findByIds(regionIds)).map((r) => [r.id, r.name]));
  }

  /** Masked list shapes of the given persons, in the given order. */
  async toVOs(persons: readonly Person[], now: Date = new Date()): Promise<PersonVO[]> {
    if (persons.length === 0) return [];
    const [regionNames, tagsByPerson] = await Promise.all([
      this.regionNames(persons.map((p) => p.regionId)),
      this.tagsOf(persons.map((p) => p.id)),
    ]);
    const ctx = { cipher: this.cipher, regionNames, tagsByPerson, today: todayInShanghai(now) };
    return persons.map((p) => toPersonVO(p, ctx));
  }
}
