import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import type {
  HouseholdDetailVO,
  HouseholdType,
  HouseholdVO,
  MpGridOverviewVO,
  PersonDetailVO,
  PersonVO,
} from '@zhili/shared';
import type { Principal } from '../../core/auth/principal';
import { PiiCipher } from '../../core/crypto/pii-cipher';
import { applyScope, likeEscape } from '../../core/scope/data-scope';
import { ScopedRepository } from '../../core/scope/scoped-repository';
import { Region, RegionStatsService } from '../region';
import {
  applyPersonFilters,
  House,
  Household,
  orderPersons,
  Person,
  PersonHouse,
  PersonTag,
  TagDefinition,
  VisitDueService,
  VisitQueryService,
} from '../registry';
import { householdVO, HouseholdRow, personVOs, regionNames } from './grid-views';
import type { GridWorker } from './grid-worker';

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface HouseholdQuery {
  q?: string;
  type?: HouseholdType;
  page: number;
  pageSize: number;
}

export interface PersonQuery {
  q?: string;
  tags?: string[];
  page: number;
  pageSize: number;
}

/** Visits shown on a person card. */
const RECENT_VISITS = 10;

/**
 * What a grid worker sees of their grid in the mini-program: counts, households, persons (masked)
 * and their visits. Every query runs through the worker's scope (their grid's path), so records of
 * other grids answer 404 exactly like unknown ids.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpGridService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private stats!: RegionStatsService;

  @Inject()
  private due!: VisitDueService;

  @Inject()
  private visits!: VisitQueryService;

  private repos?: { persons: ScopedRepository<Person>; households: ScopedRepository<Household> };

  private get scoped(): { persons: ScopedRepository<Person>; households: ScopedRepository<Household> } {
    this.repos ??= {
      persons: new ScopedRepository(this.dataSource, Person, 'scopePath', 'p'),
      households: new ScopedRepository(this.dataSource, Household, 'scopePath', 'h'),
    };
    return this.repos;
  }

  async overview(worker: GridWorker): Promise<MpGridOverviewVO> {
    const path = worker.principal.scopePath;
    const region = worker.regionId
      ? await this.dataSource.getRepository(Region).findOneBy({ id: worker.regionId })
      : null;
    if (!path || !region) {
      return {
        region: null,
        counts: { persons: 0, households: 0, houses: 0, businesses: 0 },
        householdsByType: { resident: 0, floating: 0, empty: 0 },
        visitsDue: { overdue: 0, due: 0, upcoming: 0, total: 0 },
      };
    }
    const [tallies, visitsDue] = await Promise.all([this.stats.tallies(path), this.due.counts(worker.principal)]);
    const total = tallies.rollup(path);
    return {
      region: { id: region.id, name: region.name, path: region.path },
      counts: total.counts,
      householdsByType: total.householdsByType,
      visitsDue,
    };
  }

  /** Households of the grid; `q` = head name prefix or address substring. */
  async households(principal: Principal, query: HouseholdQuery): Promise<Paged<HouseholdVO>> {
    const qb = this.scoped.households
      .query(principal)
      .leftJoin(Person, 'hp', 'hp.id = h.head_person_id')
      .addSelect('hp.name', 'headName')
      .addSelect("(SELECT COUNT(*) FROM person m WHERE m.household_id = h.id AND m.status = 'active')", 'memberCount');
    if (query.type) qb.andWhere('h.household_type = :type', { type: query.type });
    if (query.q) {
      const q = likeEscape(query.q);
      qb.andWhere(`(hp.name LIKE :qPrefix ESCAPE '!' OR h.address LIKE :qContains ESCAPE '!')`, {
        qPrefix: `${q}%`,
        qContains: `%${q}%`,
      });
    }
    const total = await qb.clone().getCount();
    const { entities, raw } = await qb
      .orderBy('hp.name', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawAndEntities<{ headName: string | null; memberCount: string | number }>();
    const rows: HouseholdRow[] = entities.map((household, i) => ({
      household,
      headName: raw[i]?.headName ?? null,
      memberCount: Number(raw[i]?.memberCount ?? 0),
    }));
    const names = await regionNames(
      this.dataSource,
      entities.map((h) => h.regionId),
    );
    return { items: rows.map((r) => householdVO(r, names)), total };
  }

  async household(principal: Principal, id: string): Promise<HouseholdDetailVO> {
    const household = await this.scoped.households.get(principal, id);
    const members = await this.scoped.persons
      .query(principal)
      .andWhere('p.household_id = :household AND p.status = :active', { household: id, active: 'active' })
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    // The head first, then the others by name.
    members.sort((a, b) => Number(b.id === household.headPersonId) - Number(a.id === household.headPersonId));
    const vos = await personVOs(this.dataSource, this.cipher, members);
    const names = await regionNames(this.dataSource, [household.regionId]);
    const head = members.find((m) => m.id === household.headPersonId);
    return {
      ...householdVO({ household, headName: head?.name ?? null, memberCount: members.length }, names),
      houseId: household.houseId,
      landNote: household.landNote,
      members: vos.map((vo) => ({ ...vo, relationToHead: vo.relationToHead })),
    };
  }

  /** Active persons of the grid; `q` = name prefix, `tags` = must carry every one. */
  async persons(principal: Principal, query: PersonQuery): Promise<Paged<PersonVO>> {
    const qb = applyPersonFilters(this.scoped.persons.query(principal), 'p', {
      q: query.q || undefined,
      tags: query.tags,
    });
    const [persons, total] = await orderPersons(qb, 'p')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await personVOs(this.dataSource, this.cipher, persons), total };
  }

  async person(principal: Principal, id: string): Promise<PersonDetailVO> {
    const person = await this.scoped.persons.get(principal, id);
    const [[vo], houses, household, tagDetails, visits, due] = await Promise.all([
      personVOs(this.dataSource, this.cipher, [person]),
      this.housesOf(principal, id),
      this.householdSummary(principal, person.householdId),
      this.tagDetails(id),
      this.visits.recentForPerson(id, RECENT_VISITS),
      this.due.forPerson(principal, id),
    ]);
    return {
      ...vo,
      hukouAddress: person.hukouAddress,
      floating:
        person.hukouType === 'floating'
          ? {
              origin: person.origin,
              arrivalDate: person.arrivalDate,
              permitStatus: person.permitStatus ?? 'none',
              permitExpiry: person.permitExpiry,
            }
          : null,
      houses,
      household,
      tagDetails,
      visits,
      visitDue: due ? { status: due.status, dueAt: due.dueAt.toISOString(), overdueDays: due.overdueDays } : null,
      note: person.note,
    };
  }

  /** The person's houses that lie in the worker's grid (a house elsewhere is not theirs to see). */
  private async housesOf(principal: Principal, personId: string): Promise<PersonDetailVO['houses']> {
    const qb = this.dataSource
      .getRepository(PersonHouse)
      .createQueryBuilder('ph')
      .innerJoin(House, 'ho', 'ho.id = ph.house_id')
      .select('ph.house_id', 'houseId')
      .addSelect('ho.address', 'address')
      .addSelect('ph.relation', 'relation')
      .addSelect('ph.since', 'since')
      .where('ph.person_id = :personId', { personId })
      .orderBy('ho.address', 'ASC');
    applyScope(qb, principal, 'ho.scope_path');
    return qb.getRawMany<PersonDetailVO['houses'][number]>();
  }

  private async householdSummary(
    principal: Principal,
    householdId: string | null,
  ): Promise<PersonDetailVO['household']> {
    if (!householdId) return null;
    const row = await this.scoped.households
      .query(principal)
      .leftJoin(Person, 'hp', 'hp.id = h.head_person_id')
      .addSelect('hp.name', 'headName')
      .andWhere('h.id = :householdId', { householdId })
      .getRawAndEntities<{ headName: string | null }>();
    const household = row.entities[0];
    if (!household) return null;
    return {
      id: household.id,
      type: household.type,
      headName: row.raw[0]?.headName ?? null,
      address: household.address,
    };
  }

  private async tagDetails(personId: string): Promise<PersonDetailVO['tagDetails']> {
    const tags = await this.dataSource
      .getRepository(PersonTag)
      .find({ where: { personId }, order: { taggedAt: 'ASC' } });
    if (tags.length === 0) return [];
    const defs = await this.dataSource.getRepository(TagDefinition).findBy({ code: In(tags.map((t) => t.tagCode)) });
    const byCode = new Map(defs.map((d) => [d.code, d]));
    return tags.map((t) => ({
      code: t.tagCode,
      name: byCode.get(t.tagCode)?.name ?? t.tagCode,
      color: byCode.get(t.tagCode)?.color ?? '#868e96',
      taggedAt: new Date(t.taggedAt).toISOString(),
    }));
  }
}
