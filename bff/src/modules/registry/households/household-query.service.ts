import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import { HeadRelation } from '@zhili/shared';
import type { HouseholdDetailVO, HouseholdType, HouseholdVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { likeEscape } from '../../../core/scope/data-scope';
import { Page, ScopedRepository } from '../../../core/scope/scoped-repository';
import { RegionService } from '../../region';
import { Household, Person } from '../entities';
import { PersonViewsService } from '../persons/person-views.service';

const RELATION_ORDER: readonly string[] = Object.values(HeadRelation);

/** Head first, then by relation (配偶, 子女 …), then the elder first, then by name: a stable order. */
function memberOrder(headId: string | null): (a: Person, b: Person) => number {
  const rank = (p: Person) => (p.id === headId ? -1 : RELATION_ORDER.indexOf(p.relationToHead ?? 'other'));
  return (a, b) =>
    rank(a) - rank(b) ||
    (a.birthDate ?? '9999').localeCompare(b.birthDate ?? '9999') ||
    a.name.localeCompare(b.name) ||
    a.id.localeCompare(b.id);
}

export interface HouseholdListQuery {
  page: number;
  pageSize: number;
  regionId?: string;
  type?: HouseholdType | '';
  q?: string;
}

/** Reads of households (户) in the caller's scope; member counts and head names batch-loaded. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HouseholdQueryService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private persons!: PersonViewsService;

  get scoped(): ScopedRepository<Household> {
    return new ScopedRepository(this.dataSource, Household, 'scopePath', 'h');
  }

  async list(principal: Principal, query: HouseholdListQuery): Promise<Page<HouseholdVO>> {
    const regionPath = query.regionId ? (await this.regions.getInScope(principal, query.regionId)).path : null;
    const q = query.q?.trim();
    const page = await this.scoped.list(
      principal,
      query,
      (qb) => {
        if (query.type) qb.andWhere('h.household_type = :hType', { hType: query.type });
        if (q) {
          qb.andWhere(
            new Brackets((w) =>
              w
                .where('h.code = :hCode', { hCode: q })
                .orWhere("h.address LIKE :hAddress ESCAPE '!'", { hAddress: `%${likeEscape(q)}%` })
                .orWhere(
                  "EXISTS (SELECT 1 FROM person hp WHERE hp.id = h.head_person_id AND hp.name LIKE :hHead ESCAPE '!')",
                  { hHead: `${likeEscape(q)}%` },
                ),
            ),
          );
        }
        return qb.orderBy('h.code', 'ASC').addOrderBy('h.created_at', 'ASC').addOrderBy('h.id', 'ASC');
      },
      regionPath,
    );
    return { items: await this.toVOs(page.items), total: page.total };
  }

  async detail(principal: Principal, id: string): Promise<HouseholdDetailVO> {
    return this.detailOf(await this.scoped.get(principal, id));
  }

  /** The detail of a household already checked to be in scope; members masked, in 户口簿 order. */
  async detailOf(household: Household): Promise<HouseholdDetailVO> {
    const members = await this.dataSource.getRepository(Person).findBy({ householdId: household.id });
    const ordered = [...members].sort(memberOrder(household.headPersonId));
    const [[base], memberVOs] = await Promise.all([this.toVOs([household]), this.persons.toVOs(ordered)]);
    return { ...base, houseId: household.houseId, landNote: household.landNote, members: memberVOs };
  }

  /** List shapes with three batched lookups (region names, head names, member counts). */
  async toVOs(households: readonly Household[]): Promise<HouseholdVO[]> {
    if (households.length === 0) return [];
    const ids = households.map((h) => h.id);
    const headIds = households.flatMap((h) => (h.headPersonId ? [h.headPersonId] : []));
    const [regionNames, heads, counts] = await Promise.all([
      this.persons.regionNames(households.map((h) => h.regionId)),
      headIds.length
        ? this.dataSource.getRepository(Person).find({ where: { id: In(headIds) }, select: { id: true, name: true } })
        : Promise.resolve([]),
      this.dataSource
        .getRepository(Person)
        .createQueryBuilder('p')
        .select('p.household_id', 'householdId')
        .addSelect('COUNT(*)', 'n')
        .where({ householdId: In(ids) })
        .groupBy('p.household_id')
        .getRawMany<{ householdId: string; n: string | number }>(),
    ]);
    const headNames = new Map(heads.map((p) => [p.id, p.name]));
    const memberCounts = new Map(counts.map((c) => [c.householdId, Number(c.n)]));
    return households.map((h) => ({
      id: h.id,
      code: h.code,
      type: h.type,
      regionId: h.regionId,
      regionName: regionNames.get(h.regionId) ?? '',
      headPersonId: h.headPersonId,
      headName: h.headPersonId ? (headNames.get(h.headPersonId) ?? null) : null,
      address: h.address,
      memberCount: memberCounts.get(h.id) ?? 0,
    }));
  }
}
