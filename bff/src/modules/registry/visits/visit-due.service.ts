import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { computeVisitDue, maskPhone } from '@zhili/shared';
import type { VisitDue, VisitDueCounts, VisitDueFilter, VisitDueStatus, VisitDueVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { applyScope } from '../../../core/scope/data-scope';
import { Region } from '../../region';
import { Person, PersonTag, TagDefinition } from '../entities';
import { dbDate } from './db-date';

export interface VisitDueQuery {
  /** Region subtree (already checked to lie in the caller's scope). */
  regionPath?: string;
  status?: VisitDueFilter;
  /** Only this person (person detail). */
  personId?: string;
  now?: Date;
}

interface CareTagRow {
  personId: string;
  tagCode: string;
  intervalDays: number | string;
  taggedAt: Date | string;
  lastVisitedAt: Date | string | null;
}

/** A person's due computation with the care tags that drive it. */
export interface PersonDue {
  personId: string;
  tagCodes: string[];
  lastVisitedAt: Date | null;
  due: VisitDue;
}

const PENDING: ReadonlySet<VisitDueStatus> = new Set(['overdue', 'due', 'upcoming']);

/**
 * "Visits due": active persons with active care tags (tags with a visit interval), the next visit
 * computed by the shared `computeVisitDue` (shortest interval wins; never visited → one interval
 * after the earliest care tag). One query joins person_tag, tag_definition and person inside the
 * caller's scope; the computation and ordering by due date happen here, so both databases agree.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class VisitDueService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @InjectEntityModel(Person)
  private persons!: Repository<Person>;

  @InjectEntityModel(TagDefinition)
  private tags!: Repository<TagDefinition>;

  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  @Inject()
  private cipher!: PiiCipher;

  /** Every in-scope person with care tags, with their due computation, ordered by due date. */
  async compute(principal: Principal, query: VisitDueQuery = {}): Promise<PersonDue[]> {
    const qb = this.dataSource
      .getRepository(PersonTag)
      .createQueryBuilder('pt')
      .select('pt.person_id', 'personId')
      .addSelect('pt.tag_code', 'tagCode')
      .addSelect('pt.tagged_at', 'taggedAt')
      .addSelect('td.visit_interval_days', 'intervalDays')
      .addSelect('p.last_visited_at', 'lastVisitedAt')
      .innerJoin(
        TagDefinition,
        'td',
        'td.code = pt.tag_code AND td.active = :tdActive AND td.visit_interval_days IS NOT NULL',
        { tdActive: true },
      )
      .innerJoin(Person, 'p', 'p.id = pt.person_id AND p.status = :pStatus', { pStatus: 'active' });
    // The person's own scope_path is authoritative (person_tag's copy serves the tag index).
    applyScope(qb, principal, 'p.scope_path', query.regionPath);
    if (query.personId) qb.andWhere('p.id = :duePerson', { duePerson: query.personId });
    const rows = await qb.getRawMany<CareTagRow>();

    const byPerson = new Map<
      string,
      { tagCodes: string[]; intervals: number[]; taggedAt: Date; lastVisitedAt: Date | null }
    >();
    for (const row of rows) {
      const taggedAt = dbDate(row.taggedAt) as Date;
      const entry = byPerson.get(row.personId);
      if (!entry) {
        byPerson.set(row.personId, {
          tagCodes: [row.tagCode],
          intervals: [Number(row.intervalDays)],
          taggedAt,
          lastVisitedAt: dbDate(row.lastVisitedAt),
        });
        continue;
      }
      entry.tagCodes.push(row.tagCode);
      entry.intervals.push(Number(row.intervalDays));
      if (taggedAt < entry.taggedAt) entry.taggedAt = taggedAt;
    }
    const now = query.now ?? new Date();
    const filter = query.status ?? 'pending';
    const result: PersonDue[] = [];
    for (const [personId, e] of byPerson) {
      const due = computeVisitDue({
        intervalsDays: e.intervals,
        lastVisitedAt: e.lastVisitedAt,
        taggedAt: e.taggedAt,
        now,
      });
      if (!due) continue;
      if (filter === 'pending' ? !PENDING.has(due.status) : filter !== 'all' && due.status !== filter) continue;
      result.push({ personId, tagCodes: e.tagCodes.sort(), lastVisitedAt: e.lastVisitedAt, due });
    }
    return result.sort((a, b) => a.due.dueAt.getTime() - b.due.dueAt.getTime() || a.personId.localeCompare(b.personId));
  }

  /** One page of the due list as `VisitDueVO`s (masked phone). */
  async page(
    principal: Principal,
    query: VisitDueQuery,
    page: number,
    pageSize: number,
  ): Promise<{ items: VisitDueVO[]; total: number }> {
    const all = await this.compute(principal, query);
    const slice = all.slice((page - 1) * pageSize, page * pageSize);
    return { items: await this.toVOs(slice), total: all.length };
  }

  /**
   * Counts per pending status and their total, which is exactly the length of the default (pending)
   * due list `page` serves: one computation, so the overview's figures and the list always agree.
   */
  async counts(principal: Principal, query: Omit<VisitDueQuery, 'status'> = {}): Promise<VisitDueCounts> {
    const counts: VisitDueCounts = { overdue: 0, due: 0, upcoming: 0, total: 0 };
    for (const item of await this.compute(principal, { ...query, status: 'pending' })) {
      if (item.due.status === 'ok') continue;
      counts[item.due.status] += 1;
      counts.total += 1;
    }
    return counts;
  }

  /** The due state of one person (null when no care tag needs visits or the person is out of scope). */
  async forPerson(principal: Principal, personId: string, now?: Date): Promise<VisitDue | null> {
    const [item] = await this.compute(principal, { personId, status: 'all', now });
    return item?.due ?? null;
  }

  private async toVOs(items: readonly PersonDue[]): Promise<VisitDueVO[]> {
    if (items.length === 0) return [];
    const ids = items.map((i) => i.personId);
    const codes = [...new Set(items.flatMap((i) => i.tagCodes))];
    const persons = await this.persons.findBy({ id: In(ids) });
    const [regions, tags] = await Promise.all([
      this.regions.find({
        where: { id: In([...new Set(persons.map((p) => p.regionId))]) },
        select: { id: true, name: true },
      }),
      this.tags.findBy({ code: In(codes) }),
    ]);
    const personById = new Map(persons.map((p) => [p.id, p]));
    const regionName = new Map(regions.map((r) => [r.id, r.name]));
    const tagByCode = new Map(tags.map((t) => [t.code, t]));
    return items.flatMap((item) => {
      const p = personById.get(item.personId);
      if (!p) return [];
      const phone = this.cipher.open(p.phone);
      return [
        {
          personId: p.id,
          name: p.name,
          phone: phone ? maskPhone(phone) : null,
          address: p.address,
          regionId: p.regionId,
          regionName: regionName.get(p.regionId) ?? '',
          householdId: p.householdId,
          tags: item.tagCodes.flatMap((code) => {
            const tag = tagByCode.get(code);
            return tag ? [{ code, name: tag.name, color: tag.color }] : [];
          }),
          status: item.due.status,
          dueAt: item.due.dueAt.toISOString(),
          overdueDays: item.due.overdueDays,
          lastVisitedAt: item.lastVisitedAt ? item.lastVisitedAt.toISOString() : null,
        },
      ];
    });
  }
}
