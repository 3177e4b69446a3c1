import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In, type EntityManager, type EntityTarget, type SelectQueryBuilder } from 'typeorm';
import { recordYearProblem } from '@zhili/shared';
import type { AuditAction, StoredFileVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { FileLinkService, FileService, StoredFile } from '../../file';
import { todayInShanghai } from '../../registry';
import { MemberPeopleService } from '../members/member-people.service';
import { MemberQueryService } from '../members/member-query.service';
import { PartyMember } from '../members/party-member.entity';
import { OrgQueryService } from '../org/org-query.service';
import { invalid } from '../party-errors';
import { applyPartyScope, inPartyScope, type PartyScope } from '../scope/party-scope';
import { PartyScopeService } from '../scope/party-scope.service';

/** A record kept with an organisation: its path is the party scope it falls under. */
interface OrgRecord {
  id: string;
  orgPath: string;
}

/** A list request of the records' routes: a page, narrowed to an organisation's subtree when given. */
export interface RecordPageQuery {
  page: number;
  pageSize: number;
  orgId?: string;
}

/**
 * What the four kinds of party record share: a member picked in a form (in the caller's scope), the
 * year rule, attachments (stored files taking the record's party scope, signed links in views),
 * member names for views, and the audit line.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RecordSupportService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private members!: MemberQueryService;

  @Inject()
  private people!: MemberPeopleService;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  scopeOf(principal: Principal): Promise<PartyScope> {
    return this.scopes.scopeOf(principal);
  }

  /** A record in the scope; NOT_FOUND (never FORBIDDEN: other branches' ids cannot be probed) otherwise. */
  async getInScope<T extends OrgRecord>(
    entity: EntityTarget<T>,
    scope: PartyScope,
    id: string,
    missing: string,
  ): Promise<T> {
    const record = await this.dataSource
      .getRepository(entity)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .getOne();
    if (!record || !inPartyScope(scope, record.orgPath)) throw new AppError('NOT_FOUND', missing);
    return record;
  }

  /**
   * One page of `entity` in the caller's scope (the `orgId` subtree when given; an organisation out of
   * scope is 404), with the kind's own filters and order applied by `shape` to the alias `r`.
   */
  async page<T extends OrgRecord>(
    entity: EntityTarget<T>,
    principal: Principal,
    q: RecordPageQuery,
    shape: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
  ): Promise<{ scope: PartyScope; items: T[]; total: number }> {
    const scope = await this.scopes.scopeOf(principal);
    const within = q.orgId ? (await this.orgs.getInScope(scope, q.orgId)).path : undefined;
    const qb = applyPartyScope(
      this.dataSource.getRepository(entity).createQueryBuilder('r'),
      scope,
      'r.org_path',
      within,
    );
    const [items, total] = await shape(qb)
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { scope, items, total };
  }

  /** A member file in the scope, for a form's `field` (400 naming it otherwise). */
  async memberFor(scope: PartyScope, memberId: string, field = 'memberId'): Promise<PartyMember> {
    return this.members.getInScope(scope, memberId).catch(() => {
      throw invalid(field, '党员不存在或不在您的负责范围内');
    });
  }

  /** 400 on `year` when the shared rule refuses it on Beijing's today. */
  checkYear(year: number, ahead: boolean, now: Date): void {
    const problem = recordYearProblem(year, todayInShanghai(now), ahead);
    if (problem) throw invalid('year', problem);
  }

  /**
   * Attaches the ids the record did not have yet (uploaded by the caller, not used elsewhere) with the
   * record's party scope; ids it already had stay as they are. Answers the record's new list.
   */
  async attachNew(
    m: EntityManager,
    acting: Acting,
    orgPath: string,
    had: readonly string[],
    wanted: readonly string[],
  ): Promise<string[]> {
    const fresh = wanted.filter((id) => !had.includes(id));
    await this.files.attach(m, fresh, acting.actor, `party:${orgPath}`).catch((err: unknown) => {
      // The file service names its own field (photoIds); these forms call it attachmentIds.
      const message = err instanceof AppError ? err.details?.[0]?.message : undefined;
      throw message ? invalid('attachmentIds', message) : err;
    });
    return [...wanted];
  }

  /** Signed links of the records' attachments, by file id. */
  async fileLinks(ids: readonly string[], now: Date = new Date()): Promise<Map<string, StoredFileVO>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const files = await this.dataSource.getRepository(StoredFile).findBy({ id: In(unique) });
    return new Map(files.map((f) => [f.id, this.links.toVO(f, now)]));
  }

  /** The links of one record's attachments, in its order (files gone are left out). */
  static pick(links: Map<string, StoredFileVO>, ids: readonly string[]): StoredFileVO[] {
    return ids.flatMap((id) => {
      const link = links.get(id);
      return link ? [link] : [];
    });
  }

  /** Member names (registry or the file's own), by member id. */
  async memberNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (unique.length === 0) return new Map();
    const members = await this.dataSource.getRepository(PartyMember).findBy({ id: In(unique) });
    return this.people.namesOf(members);
  }

  async record(acting: Acting, action: AuditAction, resourceType: string, id: string, detail?: Record<string, string>) {
    await this.audit.record(acting, { action, resourceType, resourceId: id, result: 'success', detail });
  }
}
