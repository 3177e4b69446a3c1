import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, Repository } from 'typeorm';
import { registryLimits } from '@zhili/shared';
import type { VisitVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { ScopedRepository } from '../../../core/scope/scoped-repository';
import { Acting, AuditActorService } from '../../../core/audit';
import { FileService } from '../../file';
import { MpUser } from '../../mp-user';
import { StaffUser } from '../../staff';
import { Person, Visit } from '../entities';
import { VisitQueryService } from './visit-query.service';

export interface NewVisit {
  personId: string;
  /** ISO 8601; default now. */
  visitedAt?: string | null;
  note: string;
  photoIds: string[];
}

export interface VisitListQuery {
  personId?: string;
  /** Region subtree (already checked to lie in the caller's scope). */
  regionPath?: string;
  page: number;
  pageSize: number;
}

/** How far back a visit may be entered (paper notes typed in later), and the clock skew allowed. */
const MAX_BACKDATE_MS = 30 * 86_400_000;
const CLOCK_SKEW_MS = 5 * 60_000;

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

/** The visit time of a new visit: now by default, never in the future, at most 30 days back. */
export function checkedVisitedAt(value: string | null | undefined, now: Date): Date {
  if (!value) return now;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw invalid('visitedAt', '走访时间格式不正确');
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('visitedAt', '走访时间不能晚于当前时间');
  if (at.getTime() < now.getTime() - MAX_BACKDATE_MS) throw invalid('visitedAt', '只能补录 30 天内的走访');
  return at > now ? now : at;
}

/**
 * Recording and listing visits (走访), by staff (admin) or a grid worker (mini-program): the same
 * rules for both, scope from the principal. A visit, its photos and the person's last visit time
 * are written in one transaction, so "visits due" never disagrees with the history.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class VisitService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @InjectEntityModel(StaffUser)
  private staff!: Repository<StaffUser>;

  @InjectEntityModel(MpUser)
  private mpUsers!: Repository<MpUser>;

  @Inject()
  private files!: FileService;

  @Inject()
  private query!: VisitQueryService;

  @Inject()
  private audit!: AuditActorService;

  private scopedPersons?: ScopedRepository<Person>;
  private scopedVisits?: ScopedRepository<Visit>;

  private get personsInScope(): ScopedRepository<Person> {
    this.scopedPersons ??= new ScopedRepository(this.dataSource, Person, 'scopePath', 'p');
    return this.scopedPersons;
  }

  private get visitsInScope(): ScopedRepository<Visit> {
    this.scopedVisits ??= new ScopedRepository(this.dataSource, Visit, 'scopePath', 'v');
    return this.scopedVisits;
  }

  /** The name recorded with a visit: the staff member's display name or the worker's nickname. */
  private async visitorName(principal: Principal): Promise<string> {
    if (principal.kind === 'staff') {
      const user = await this.staff.findOne({
        where: { id: principal.id },
        select: { id: true, displayName: true, username: true },
      });
      return (user?.displayName || user?.username || '').slice(0, 64);
    }
    const user = await this.mpUsers.findOne({ where: { id: principal.id }, select: { id: true, nickname: true } });
    return (user?.nickname ?? '').slice(0, 64);
  }

  /** Records a visit of an in-scope person (404 otherwise) and audits it. */
  async record(acting: Acting, input: NewVisit, now: Date = new Date()): Promise<VisitVO> {
    const principal = acting.actor;
    const person = await this.personsInScope.get(principal, input.personId);
    const visitedAt = checkedVisitedAt(input.visitedAt, now);
    if (input.photoIds.length > registryLimits.visitPhotos.max)
      throw invalid('photoIds', `最多 ${registryLimits.visitPhotos.max} 张照片`);
    const visit: Visit = this.dataSource.getRepository(Visit).create({
      id: randomUUID(),
      personId: person.id,
      householdId: person.householdId,
      scopePath: person.scopePath,
      visitorKind: principal.kind,
      visitorId: principal.id,
      visitorName: await this.visitorName(principal),
      visitedAt,
      note: input.note,
      photoIds: [...input.photoIds],
    });
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(Visit).insert(visit);
      await this.files.attach(m, input.photoIds, principal, person.scopePath);
      // Only ever forward: a back-dated visit must not hide a later one.
      await m
        .createQueryBuilder()
        .update(Person)
        .set({ lastVisitedAt: visitedAt })
        .where('id = :id AND (last_visited_at IS NULL OR last_visited_at < :visitedAt)', { id: person.id, visitedAt })
        .execute();
    });
    await this.audit.record(acting, {
      action: 'visit.create',
      resourceType: 'person',
      resourceId: person.id,
      result: 'success',
      detail: {
        visitId: visit.id,
        visitedAt: visitedAt.toISOString(),
        photos: input.photoIds.length,
        via: principal.kind,
      },
    });
    const [vo] = await this.query.toVOs([visit]);
    return vo;
  }

  /** Visits in the caller's scope, newest first; `personId` out of scope simply matches nothing. */
  async list(principal: Principal, q: VisitListQuery): Promise<{ items: VisitVO[]; total: number }> {
    const page = await this.visitsInScope.list(
      principal,
      q,
      (qb) => {
        if (q.personId) qb.andWhere('v.person_id = :personId', { personId: q.personId });
        return qb.orderBy('v.visited_at', 'DESC').addOrderBy('v.id', 'DESC');
      },
      q.regionPath,
    );
    return { items: await this.query.toVOs(page.items), total: page.total };
  }
}
