import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { duesSpendingCategories, spendingDateRefusal } from '@zhili/shared';
import type {
  DuesSpendingCategory,
  DuesSpendingFilter,
  DuesSpendingInput,
  DuesSpendingSummaryVO,
  DuesSpendingVO,
  StoredFileVO,
} from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AuditActorService, type Acting } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import type { Page } from '../../../core/scope/scoped-repository';
import { likeEscape } from '../../../core/scope/data-scope';
import { FileLinkService, FileService, StoredFile } from '../../file';
import { applyPartyScope, inPartyScope, PartyOrg, PartyScopeService, type PartyScope } from '../../party';
import { todayInShanghai } from '../../registry';
import { StaffUser } from '../../staff';
import { DuesSpending } from './dues-spending.entity';

const MISSING = '支出记录不存在或不在您的负责范围内';

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

/**
 * 党费支出: an organisation's spending of its dues, within the caller's party scope (a secretary their
 * organisations and those under them, the town all). Every change and every export is audited; the
 * receipts are stored files attached with the organisation's scope.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesSpendingService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  @Inject()
  private audit!: AuditActorService;

  /** A filter's organisation: out of scope is 404, as a record of another branch. */
  async filterOrg(scope: PartyScope, orgId: string | undefined): Promise<PartyOrg | undefined> {
    if (!orgId) return undefined;
    const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: orgId });
    if (!org) throw new AppError('NOT_FOUND', '党组织不存在或不在您的负责范围内');
    this.scopes.assertCovers(scope, org.path);
    return org;
  }

  /** The spending matching a filter, within the scope, as a query on alias `s`. */
  private async filtered(principal: Principal, f: DuesSpendingFilter): Promise<SelectQueryBuilder<DuesSpending>> {
    const scope = await this.scopes.scopeOf(principal);
    const within = (await this.filterOrg(scope, f.orgId))?.path;
    const qb = applyPartyScope(
      this.dataSource.getRepository(DuesSpending).createQueryBuilder('s'),
      scope,
      's.org_path',
      within,
    );
    if (f.from) qb.andWhere('s.spent_on >= :from', { from: f.from });
    if (f.to) qb.andWhere('s.spent_on <= :to', { to: f.to });
    if (f.category) qb.andWhere('s.category = :category', { category: f.category });
    if (f.q)
      qb.andWhere("(s.purpose LIKE :kw ESCAPE '!' OR s.approver_name LIKE :kw ESCAPE '!')", {
        kw: `%${likeEscape(f.q)}%`,
      });
    return qb;
  }

  async list(
    principal: Principal,
    q: DuesSpendingFilter & { page: number; pageSize: number },
    now: Date = new Date(),
  ): Promise<Page<DuesSpendingVO>> {
    const [rows, total] = await (
      await this.filtered(principal, q)
    )
      .orderBy('s.spent_on', 'DESC')
      .addOrderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.toVOs(rows, now), total };
  }

  async summary(principal: Principal, f: DuesSpendingFilter): Promise<DuesSpendingSummaryVO> {
    const rows = await (
      await this.filtered(principal, f)
    )
      .select('s.category', 'category')
      .addSelect('COUNT(*)', 'count')
      .addSelect('COALESCE(SUM(s.amount_fen), 0)', 'totalFen')
      .groupBy('s.category')
      .getRawMany<{ category: DuesSpendingCategory; count: string | number; totalFen: string | number }>();
    // Drivers hand sums back as text (MariaDB DECIMAL) or numbers (SQLite); the categories keep the
    // shared order, so the admin's table does not reshuffle.
    const byCategory = duesSpendingCategories.flatMap((category) => {
      const row = rows.find((r) => r.category === category);
      return row ? [{ category, count: Number(row.count), totalFen: Number(row.totalFen) }] : [];
    });
    return {
      count: byCategory.reduce((n, c) => n + c.count, 0),
      totalFen: byCategory.reduce((n, c) => n + c.totalFen, 0),
      byCategory,
    };
  }

  /** Every matching record for the export, oldest first (bounded: one organisation's books). */
  async all(principal: Principal, f: DuesSpendingFilter): Promise<DuesSpendingVO[]> {
    const rows = await (
      await this.filtered(principal, f)
    )
      .orderBy('s.spent_on', 'ASC')
      .addOrderBy('s.created_at', 'ASC')
      .take(20_000)
      .getMany();
    return this.toVOs(rows, new Date());
  }

  /** The form's organisation (in scope) and dates (not after Beijing's today), or 400 naming the field. */
  private async checked(scope: PartyScope, input: DuesSpendingInput, now: Date): Promise<PartyOrg> {
    const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: input.orgId });
    if (!org || !inPartyScope(scope, org.path)) throw invalid('orgId', '党组织不存在或不在您的负责范围内');
    const refusal = spendingDateRefusal(input.spentOn, input.approvedOn, todayInShanghai(now));
    if (refusal) throw invalid(refusal.startsWith('支出') ? 'spentOn' : 'approvedOn', refusal);
    return org;
  }

  /** Attaches the ids the record did not have yet (the caller's own uploads, not used elsewhere). */
  private async attachNew(
    m: EntityManager,
    acting: Acting,
    orgPath: string,
    had: readonly string[],
    wanted: readonly string[],
  ): Promise<string[]> {
    const fresh = wanted.filter((id) => !had.includes(id));
    await this.files.attach(m, fresh, acting.actor, `party:${orgPath}`, 'documents').catch((err: unknown) => {
      // The file service speaks of photos; the form's field is attachmentIds.
      const message = err instanceof AppError ? err.details?.[0]?.message : undefined;
      throw message ? invalid('attachmentIds', message) : err;
    });
    return [...wanted];
  }

  async create(acting: Acting, input: DuesSpendingInput, now: Date = new Date()): Promise<DuesSpendingVO> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const org = await this.checked(scope, input, now);
    const row = this.dataSource.getRepository(DuesSpending).create({
      id: randomUUID(),
      orgId: org.id,
      orgPath: org.path,
      spentOn: input.spentOn,
      amountFen: input.amountFen,
      purpose: input.purpose,
      category: input.category,
      approverName: input.approverName,
      approvedOn: input.approvedOn,
      attachments: [],
      recordedBy: acting.actor.id,
      note: input.note || null,
      version: 1,
    });
    await this.dataSource.transaction(async (m) => {
      row.attachments = await this.attachNew(m, acting, org.path, [], input.attachmentIds);
      await m.getRepository(DuesSpending).insert(row);
    });
    await this.record(acting, 'party.dues.spending.save', row, 'create');
    return this.one(row.id, now);
  }

  async update(acting: Acting, id: string, input: DuesSpendingInput, now: Date = new Date()): Promise<DuesSpendingVO> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const row = await this.getInScope(scope, id);
    const org = await this.checked(scope, input, now);
    await this.dataSource.transaction(async (m) => {
      const attachments = await this.attachNew(m, acting, org.path, row.attachments, input.attachmentIds);
      // Conditional on the version read: two secretaries saving at once cannot both win silently.
      const result = await m
        .createQueryBuilder()
        .update(DuesSpending)
        .set({
          orgId: org.id,
          orgPath: org.path,
          spentOn: input.spentOn,
          amountFen: input.amountFen,
          purpose: input.purpose,
          category: input.category,
          approverName: input.approverName,
          approvedOn: input.approvedOn,
          attachments,
          recordedBy: acting.actor.id,
          note: input.note || null,
        })
        .where('id = :id AND version = :version', { id, version: row.version })
        .execute();
      if (result.affected === 0) throw new AppError('CONFLICT', '该支出记录刚被他人修改，请刷新后重试');
    });
    await this.record(acting, 'party.dues.spending.save', { ...row, amountFen: input.amountFen }, 'update', {
      previousAmountFen: String(row.amountFen),
    });
    return this.one(id, now);
  }

  async remove(acting: Acting, id: string): Promise<void> {
    const row = await this.getInScope(await this.scopes.scopeOf(acting.actor), id);
    await this.dataSource.getRepository(DuesSpending).delete({ id: row.id });
    await this.record(acting, 'party.dues.spending.delete', row, 'delete', {
      spentOn: row.spentOn,
      purpose: row.purpose,
    });
  }

  async recordExport(acting: Acting, f: DuesSpendingFilter, count: number): Promise<void> {
    await this.audit.record(acting, {
      action: 'party.dues.spending.export',
      resourceType: 'dues_spending',
      resourceId: f.orgId ?? 'scope',
      result: 'success',
      detail: { from: f.from ?? '', to: f.to ?? '', category: f.category ?? '', rows: String(count) },
    });
  }

  private async getInScope(scope: PartyScope, id: string): Promise<DuesSpending> {
    const row = await this.dataSource.getRepository(DuesSpending).findOneBy({ id });
    if (!row) throw new AppError('NOT_FOUND', MISSING);
    this.scopes.assertCovers(scope, row.orgPath);
    return row;
  }

  private async record(
    acting: Acting,
    action: 'party.dues.spending.save' | 'party.dues.spending.delete',
    row: Pick<DuesSpending, 'id' | 'orgId' | 'amountFen'>,
    op: string,
    extra: Record<string, string> = {},
  ): Promise<void> {
    await this.audit.record(acting, {
      action,
      resourceType: 'dues_spending',
      resourceId: row.id,
      result: 'success',
      detail: { op, orgId: row.orgId, amountFen: String(row.amountFen), ...extra },
    });
  }

  private async one(id: string, now: Date): Promise<DuesSpendingVO> {
    const row = await this.dataSource.getRepository(DuesSpending).findOneByOrFail({ id });
    return (await this.toVOs([row], now))[0];
  }

  private async toVOs(rows: readonly DuesSpending[], now: Date): Promise<DuesSpendingVO[]> {
    if (rows.length === 0) return [];
    const orgIds = [...new Set(rows.map((r) => r.orgId))];
    const staffIds = [...new Set(rows.map((r) => r.recordedBy))];
    const fileIds = [...new Set(rows.flatMap((r) => r.attachments))];
    const [orgs, staff, files] = await Promise.all([
      this.dataSource.getRepository(PartyOrg).findBy({ id: In(orgIds) }),
      this.dataSource.getRepository(StaffUser).findBy({ id: In(staffIds) }),
      fileIds.length ? this.dataSource.getRepository(StoredFile).findBy({ id: In(fileIds) }) : [],
    ]);
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    const staffNames = new Map(staff.map((s) => [s.id, s.displayName]));
    const links = new Map<string, StoredFileVO>(files.map((f) => [f.id, this.links.toVO(f, now)]));
    return rows.map((r) => ({
      id: r.id,
      orgId: r.orgId,
      orgName: orgNames.get(r.orgId) ?? '',
      spentOn: r.spentOn,
      amountFen: r.amountFen,
      purpose: r.purpose,
      category: r.category,
      approverName: r.approverName,
      approvedOn: r.approvedOn,
      // Files gone from the store are left out rather than linked to nothing.
      attachments: r.attachments.flatMap((fid) => {
        const link = links.get(fid);
        return link ? [link] : [];
      }),
      recordedBy: r.recordedBy,
      recordedByName: staffNames.get(r.recordedBy) ?? null,
      note: r.note,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    }));
  }
}
