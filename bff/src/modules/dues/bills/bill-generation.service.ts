import { randomUUID } from 'crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { billDueOn, declarationForMonth, type DuesGenerateResultVO } from '@zhili/shared';
import { InfraService } from '../../../core/infra/infra.service';
import { applyPartyScope, PartyMember, type PartyScope } from '../../party';
import { DuesBill } from './dues-bill.entity';
import { DuesDeclarationService } from './declaration.service';
import { DuesNamesService } from './dues-names.service';

/** Generating a month is short; concurrent calls queue behind each other for up to this long. */
const GENERATE_LOCK_MS = 60_000;
const MISSING_LISTED = 100;

/**
 * The month's dues bills: one `monthly` bill per active member who is a member by the month's end,
 * with the amount of the base that applies (that year's, or the last earlier one until re-declared).
 * Idempotent twice over: calls for a month queue on a lock, and each insert ignores a duplicate of the
 * unique key (member, kind, period) — so generating again, or two workers at once, never bills twice.
 * Members without any base are reported, not billed.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesBillGenerationService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private declarations!: DuesDeclarationService;

  @Inject()
  private names!: DuesNamesService;

  @Inject()
  private infraService!: InfraService;

  async generate(month: string, scope: PartyScope): Promise<DuesGenerateResultVO> {
    return this.infraService.infra.lock.withLock(`dues:generate:${month}`, GENERATE_LOCK_MS, GENERATE_LOCK_MS, () =>
      this.generateLocked(month, scope),
    );
  }

  private async generateLocked(month: string, scope: PartyScope): Promise<DuesGenerateResultVO> {
    const dueOn = billDueOn(month);
    const members = await applyPartyScope(
      this.dataSource.getRepository(PartyMember).createQueryBuilder('m'),
      scope,
      'm.org_path',
    )
      .andWhere('m.status = :active', { active: 'active' })
      .andWhere('m.joined_on <= :dueOn', { dueOn })
      .orderBy('m.id', 'ASC')
      .getMany();
    const ids = members.map((m) => m.id);
    const existing = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.dataSource.getRepository(DuesBill).find({
        select: { memberId: true },
        where: { memberId: In(ids.slice(i, i + 500)), kind: 'monthly', period: month },
      });
      for (const r of rows) existing.add(r.memberId);
    }
    const decls = await this.declarations.declarationsOf(ids.filter((id) => !existing.has(id)));
    const missing: PartyMember[] = [];
    const createdIds: string[] = [];
    let needsRedeclaration = 0;
    for (const m of members) {
      if (existing.has(m.id)) continue;
      const applied = declarationForMonth(decls.get(m.id) ?? [], month);
      if (!applied) {
        missing.push(m);
        continue;
      }
      if (applied.needsRedeclaration) needsRedeclaration += 1;
      const id = randomUUID();
      // INSERT OR IGNORE / INSERT IGNORE: a bill made meanwhile by another worker wins, silently.
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(DuesBill)
        .values({
          id,
          memberId: m.id,
          orgId: m.orgId,
          orgPath: m.orgPath,
          kind: 'monthly',
          month,
          period: month,
          amountFen: applied.declaration.monthlyFen,
          declarationId: applied.declaration.id,
          title: null,
          status: 'unpaid',
          dueOn,
          version: 1,
        })
        .orIgnore()
        .execute();
      createdIds.push(id);
    }
    // What this call made: the rows carrying the ids it chose (an ignored duplicate has another id).
    let created = 0;
    for (let i = 0; i < createdIds.length; i += 500) {
      created += await this.dataSource.getRepository(DuesBill).countBy({ id: In(createdIds.slice(i, i + 500)) });
    }
    const orgs = await this.names.orgNames(missing.slice(0, MISSING_LISTED).map((m) => m.orgId));
    const memberNames = await this.names.memberNames(missing.slice(0, MISSING_LISTED).map((m) => m.id));
    return {
      month,
      created,
      existing: members.length - missing.length - created,
      missingDeclaration: missing.length,
      missingMembers: missing.slice(0, MISSING_LISTED).map((m) => ({
        memberId: m.id,
        name: memberNames.get(m.id) ?? '',
        orgName: orgs.get(m.orgId) ?? '',
      })),
      needsRedeclaration,
    };
  }
}
