import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { computeVisitDue } from '@zhili/shared';
import type { PersonDetailVO, PersonPiiVO, PersonVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { Page, ScopedRepository } from '../../../core/scope/scoped-repository';
import { Acting, AuditActorService } from '../../../core/audit';
import { RegionService } from '../../region';
import { House, Household, Person, PersonHouse, PersonTag, TagDefinition } from '../entities';
import { VisitQueryService } from '../visits';
import { applyPersonFilters, orderPersons, PersonFilters, PersonSortKey } from './person-filters';
import { exactSearchNumber } from './person-identity';
import { todayInShanghai } from './person-view';
import { PersonViewsService } from './person-views.service';

/** How many recent visits the person detail shows. */
const DETAIL_VISITS = 10;

export interface PersonListQuery {
  page: number;
  pageSize: number;
  regionId?: string;
  tag?: string | string[];
  q?: string;
  gender?: PersonFilters['gender'] | '';
  hukouType?: PersonFilters['hukouType'] | '';
  status?: PersonFilters['status'] | '';
  householdId?: string;
  ageMin?: number | '';
  ageMax?: number | '';
  sort?: PersonSortKey;
  order?: 'asc' | 'desc';
}

/** `tag=a&tag=b` and `tag=a,b` alike → `['a', 'b']`. */
export function tagList(tag: string | string[] | undefined): string[] {
  const parts = (Array.isArray(tag) ? tag : [tag ?? '']).flatMap((t) => t.split(','));
  return [...new Set(parts.map((t) => t.trim()).filter(Boolean))];
}

/** Reads of the person registry, always through the caller's scope (out of scope = not found). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PersonQueryService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private views!: PersonViewsService;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private visits!: VisitQueryService;

  /** The only handle on persons this module reads through. */
  get scoped(): ScopedRepository<Person> {
    return new ScopedRepository(this.dataSource, Person, 'scopePath', 'p');
  }

  /**
   * The query's filters in the form `applyPersonFilters` takes; a `regionId` must lie in the caller's
   * scope (404 otherwise). Also used by the export so both select the same people.
   */
  async filtersOf(
    principal: Principal,
    query: Omit<PersonListQuery, 'page' | 'pageSize'>,
    now: Date = new Date(),
  ): Promise<PersonFilters> {
    const filters: PersonFilters = { today: todayInShanghai(now) };
    if (query.regionId) filters.regionPath = (await this.regions.getInScope(principal, query.regionId)).path;
    const tags = tagList(query.tag);
    if (tags.length) filters.tags = tags;
    const q = query.q?.trim();
    if (q) {
      const exact = exactSearchNumber(q, now);
      if (exact) filters.qHash = this.cipher.hash(exact);
      else filters.q = q;
    }
    if (query.gender) filters.gender = query.gender;
    if (query.hukouType) filters.hukouType = query.hukouType;
    if (query.status) filters.status = query.status;
    if (query.householdId) filters.householdId = query.householdId;
    if (typeof query.ageMin === 'number') filters.ageMin = query.ageMin;
    if (typeof query.ageMax === 'number') filters.ageMax = query.ageMax;
    return filters;
  }

  async list(principal: Principal, query: PersonListQuery): Promise<Page<PersonVO>> {
    const filters = await this.filtersOf(principal, query);
    const order = query.order === 'desc' ? 'DESC' : 'ASC';
    const page = await this.scoped.list(
      principal,
      query,
      (qb) => orderPersons(applyPersonFilters(qb, 'p', filters), 'p', query.sort ?? 'name', order),
      filters.regionPath,
    );
    return { items: await this.views.toVOs(page.items), total: page.total };
  }

  async detail(principal: Principal, id: string, now: Date = new Date()): Promise<PersonDetailVO> {
    const person = await this.scoped.get(principal, id);
    const [[base], houses, household, tags, visits] = await Promise.all([
      this.views.toVOs([person], now),
      this.housesOf(person.id),
      this.householdOf(person),
      this.tagDetailsOf(person.id),
      this.visits.recentForPerson(person.id, DETAIL_VISITS),
    ]);
    const careTags = tags.filter((t) => t.def.active && t.def.visitIntervalDays !== null);
    const due =
      person.status === 'active' && careTags.length
        ? computeVisitDue({
            intervalsDays: careTags.map((t) => t.def.visitIntervalDays as number),
            lastVisitedAt: person.lastVisitedAt ? new Date(person.lastVisitedAt) : null,
            taggedAt: new Date(Math.min(...careTags.map((t) => new Date(t.taggedAt).getTime()))),
            now,
          })
        : null;
    return {
      ...base,
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
      tagDetails: tags.map((t) => ({
        code: t.def.code,
        name: t.def.name,
        color: t.def.color,
        taggedAt: new Date(t.taggedAt).toISOString(),
      })),
      visits,
      visitDue: due ? { status: due.status, dueAt: due.dueAt.toISOString(), overdueDays: due.overdueDays } : null,
      note: person.note,
    };
  }

  /** Unmasked ID number and phone of an in-scope person; every read is audited. */
  async pii(acting: Acting, id: string): Promise<PersonPiiVO> {
    const person = await this.scoped.get(acting.actor, id);
    const result = { idNumber: this.cipher.open(person.idNumber), phone: this.cipher.open(person.phone) };
    await this.audit.record(acting, {
      action: 'person.pii.read',
      resourceType: 'person',
      resourceId: person.id,
      result: 'success',
      detail: {
        fields: ['idNumber', 'phone'],
        present: { idNumber: result.idNumber !== null, phone: result.phone !== null },
      },
    });
    return result;
  }

  private async housesOf(personId: string): Promise<PersonDetailVO['houses']> {
    const links = await this.dataSource
      .getRepository(PersonHouse)
      .find({ where: { personId }, order: { createdAt: 'ASC' } });
    if (links.length === 0) return [];
    const houses = new Map(
      (await this.dataSource.getRepository(House).findBy({ id: In(links.map((l) => l.houseId)) })).map((h) => [
        h.id,
        h,
      ]),
    );
    return links.map((l) => ({
      houseId: l.houseId,
      address: houses.get(l.houseId)?.address ?? '',
      relation: l.relation,
      since: l.since,
    }));
  }

  private async householdOf(person: Person): Promise<PersonDetailVO['household']> {
    if (!person.householdId) return null;
    const household = await this.dataSource.getRepository(Household).findOneBy({ id: person.householdId });
    if (!household) return null;
    const head = household.headPersonId
      ? await this.dataSource
          .getRepository(Person)
          .findOne({ where: { id: household.headPersonId }, select: { id: true, name: true } })
      : null;
    return { id: household.id, type: household.type, headName: head?.name ?? null, address: household.address };
  }

  private async tagDetailsOf(personId: string): Promise<{ def: TagDefinition; taggedAt: Date }[]> {
    const links = await this.dataSource.getRepository(PersonTag).findBy({ personId });
    if (links.length === 0) return [];
    const defs = await this.dataSource
      .getRepository(TagDefinition)
      .find({ where: { code: In(links.map((l) => l.tagCode)) }, order: { sortOrder: 'ASC', code: 'ASC' } });
    const taggedAt = new Map(links.map((l) => [l.tagCode, l.taggedAt]));
    return defs.map((def) => ({ def, taggedAt: taggedAt.get(def.code) as Date }));
  }
}
