import { randomUUID } from 'crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  declarationForMonth,
  duesComputation,
  duesKindLabels,
  duesKindNeedsIncome,
  formatYuan,
  incomeBracketText,
  type DuesDeclarationBody,
  type DuesDeclarationRowVO,
  type DuesKind,
} from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { AuditActorService } from '../../../core/audit';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { AppError } from '../../../core/errors/app-error';
import { applyPartyScope, PartyMember, type PartyScope } from '../../party';
import { BillRepricing } from './bill-repricing';
import { DuesDeclaration } from './dues-declaration.entity';
import { DuesNamesService } from './dues-names.service';
import { DuesScopeService } from './dues-scope.service';

/** What a base is made of, from the branch's form or the member's. */
export interface DeclarationInput {
  kind: DuesKind;
  incomeFen?: number | null;
  farmerFen?: number | null;
  note?: string | null;
  version?: number;
}

export interface Declarer {
  kind: 'member' | 'branch';
  id: string;
}

const isDuplicate = (err: unknown) =>
  /unique|duplicate|ER_DUP_ENTRY|SQLITE_CONSTRAINT/i.test(String((err as Error)?.message ?? err));

/**
 * Yearly dues bases (党费基数): the branch declares or corrects one (audited: income is financial data),
 * the member declares their own in the mini-program. The income is encrypted; staff lists show its
 * bracket only. `monthlyFen` is what `monthlyDuesFen` gives for the base when it is saved.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesDeclarationService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private scope!: DuesScopeService;

  @Inject()
  private names!: DuesNamesService;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private repricing!: BillRepricing;

  /** The member's own income (fen) from the encrypted column; null when none was declared. */
  incomeOf(d: DuesDeclaration): number | null {
    const plain = this.cipher.open(d.income);
    return plain === null ? null : Number(plain);
  }

  /** Every base of these members, by member. */
  async declarationsOf(memberIds: readonly string[]): Promise<Map<string, DuesDeclaration[]>> {
    const out = new Map<string, DuesDeclaration[]>();
    for (let i = 0; i < memberIds.length; i += 500) {
      const rows = await this.dataSource
        .getRepository(DuesDeclaration)
        .findBy({ memberId: In(memberIds.slice(i, i + 500)) });
      for (const r of rows) out.set(r.memberId, [...(out.get(r.memberId) ?? []), r]);
    }
    return out;
  }

  async list(
    acting: Acting,
    q: { orgId?: string; year?: number; q?: string; missing?: boolean; page: number; pageSize: number },
    year: number,
  ): Promise<{ items: DuesDeclarationRowVO[]; total: number }> {
    const scope = await this.scope.scopeOf(acting.actor);
    const within = await this.scope.withinOf(q.orgId);
    const qb = applyPartyScope(
      this.dataSource.getRepository(PartyMember).createQueryBuilder('m'),
      scope,
      'm.org_path',
      within,
    ).andWhere('m.status = :active', { active: 'active' });
    const text = q.q?.trim();
    if (text) {
      const [sql, params] = this.names.nameCondition('m', text);
      qb.andWhere(sql, params);
    }
    if (q.missing) {
      qb.andWhere(`NOT EXISTS (SELECT 1 FROM dues_declaration d WHERE d.member_id = m.id AND d.year = :year)`, {
        year,
      });
    }
    const [members, total] = await qb
      .orderBy('m.org_path', 'ASC')
      .addOrderBy('m.joinedOn', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const decls = await this.declarationsOf(members.map((m) => m.id));
    const [orgs, names] = await Promise.all([
      this.names.orgNames(members.map((m) => m.orgId)),
      this.names.memberNames(members.map((m) => m.id)),
    ]);
    const items = members.map((m) =>
      this.staffRow(m, names.get(m.id) ?? '', orgs.get(m.orgId) ?? '', year, decls.get(m.id) ?? []),
    );
    return { items, total };
  }

  /** A member's row for the year as staff see it: the bracket, never the income. */
  staffRow(
    m: PartyMember,
    name: string,
    orgName: string,
    year: number,
    decls: readonly DuesDeclaration[],
  ): DuesDeclarationRowVO {
    const applied = declarationForMonth(decls, `${year}-12`);
    const base = {
      memberId: m.id,
      memberName: name,
      orgId: m.orgId,
      orgName,
      year,
    };
    if (!applied) {
      return {
        ...base,
        declarationId: null,
        baseYear: null,
        needsRedeclaration: false,
        kind: null,
        kindLabel: null,
        incomeBracket: null,
        farmerFen: null,
        monthlyFen: null,
        explanation: null,
        declaredByKind: null,
        declaredAt: null,
        note: null,
        version: null,
      };
    }
    const d = applied.declaration;
    const kind = d.kind as DuesKind;
    const bracket = incomeBracketText(kind, this.incomeOf(d));
    return {
      ...base,
      declarationId: d.id,
      baseYear: d.year,
      needsRedeclaration: applied.needsRedeclaration,
      kind,
      kindLabel: duesKindLabels[kind],
      incomeBracket: bracket,
      farmerFen: d.farmerFen,
      monthlyFen: d.monthlyFen,
      explanation: bracket
        ? `${duesKindLabels[kind]}，${bracket}，每月交纳${formatYuan(d.monthlyFen)}`
        : duesComputation(kind, 0, { farmerFen: d.farmerFen ?? undefined }).explanation,
      declaredByKind: d.declaredByKind as 'member' | 'branch',
      declaredAt: new Date(d.updatedAt).toISOString(),
      note: d.note,
      version: d.version,
    };
  }

  /** The branch declares or corrects a member's base for a year. */
  async declareByBranch(
    acting: Acting,
    memberId: string,
    year: number,
    body: DuesDeclarationBody,
  ): Promise<DuesDeclarationRowVO> {
    const scope: PartyScope = await this.scope.scopeOf(acting.actor);
    const member = await this.scope.memberInScope(scope, memberId);
    const saved = await this.save(member, year, body, { kind: 'branch', id: acting.actor.id });
    await this.audit.record(acting, {
      action: 'party.dues.declaration.save',
      resourceType: 'party_member',
      resourceId: member.id,
      result: 'success',
      detail: { year, kind: saved.kind, monthlyFen: saved.monthlyFen, by: 'branch' },
    });
    const [orgs, names] = await Promise.all([this.names.orgNames([member.orgId]), this.names.memberNames([member.id])]);
    return this.staffRow(member, names.get(member.id) ?? '', orgs.get(member.orgId) ?? '', year, [saved]);
  }

  /**
   * Saves the base of (member, year): a new one, or a correction of the existing one at the version
   * the caller saw (a concurrent change answers 409 instead of being overwritten).
   */
  async save(member: PartyMember, year: number, input: DeclarationInput, by: Declarer): Promise<DuesDeclaration> {
    const kind = input.kind;
    const incomeFen = duesKindNeedsIncome(kind) ? (input.incomeFen ?? null) : null;
    if (duesKindNeedsIncome(kind) && incomeFen === null)
      throw new AppError('VALIDATION_FAILED', '在职和离退休党员须填写月收入');
    const farmerFen = kind === 'farmer' ? (input.farmerFen ?? null) : null;
    const monthlyFen = duesComputation(kind, incomeFen ?? 0, { farmerFen: farmerFen ?? undefined }).dueFen;
    const repo = this.dataSource.getRepository(DuesDeclaration);
    const existing = await repo.findOneBy({ memberId: member.id, year });
    const fields = {
      kind,
      income: this.cipher.seal(incomeFen === null ? null : String(incomeFen)),
      farmerFen,
      monthlyFen,
      declaredByKind: by.kind,
      declaredBy: by.id,
      note: input.note?.trim() || null,
      orgPath: member.orgPath,
    };
    if (!existing) {
      const row = repo.create({ id: randomUUID(), memberId: member.id, year, version: 1, ...fields });
      try {
        await repo.insert(row);
      } catch (err) {
        if (isDuplicate(err)) throw new AppError('CONFLICT', '该党员本年度的党费基数刚刚已申报，请刷新后再更正');
        throw err;
      }
      return this.repriced(await repo.findOneByOrFail({ id: row.id }));
    }
    if (by.kind === 'branch' && input.version === undefined)
      throw new AppError('CONFLICT', '该党员本年度已申报党费基数，请刷新后在原记录上更正');
    const expected = input.version ?? existing.version;
    const result = await repo
      .createQueryBuilder()
      .update(DuesDeclaration)
      .set({ ...fields, version: () => 'version + 1' })
      .where({ id: existing.id, version: expected })
      .execute();
    if ((result.affected ?? 0) === 0) throw new AppError('CONFLICT', '党费基数已被他人修改，请刷新后重试');
    return this.repriced(await repo.findOneByOrFail({ id: existing.id }));
  }

  /** The year's unpaid monthly bills follow the saved base (see BillRepricing). */
  private async repriced(declaration: DuesDeclaration): Promise<DuesDeclaration> {
    await this.repricing.afterDeclaration(declaration);
    return declaration;
  }
}
