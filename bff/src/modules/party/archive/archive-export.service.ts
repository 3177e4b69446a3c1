import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  ageBandLabels,
  educationLabels,
  genderLabels,
  hasPermission,
  holdsMembers,
  memberCategoryLabels,
  naturalCompare,
  Permission,
  reportAsOf,
  tallyAnnualReport,
} from '@zhili/shared';
import type { PartyAnnualReportVO, ReportEventFact } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { Person, todayInShanghai, writeXlsx } from '../../registry';
import type { CellOut } from '../../registry';
import { MemberPeopleService } from '../members/member-people.service';
import { MemberViewsService } from '../members/member-views.service';
import { PartyMember } from '../members/party-member.entity';
import { PartyMemberEvent } from '../members/party-member-event.entity';
import { OrgQueryService } from '../org/org-query.service';
import { PartyOrg } from '../org/party-org.entity';
import { applyPartyScope } from '../scope/party-scope';
import { PartyScopeService } from '../scope/party-scope.service';
import { memberColumns } from './member-import-columns';

/** IN lists are cut into chunks this long. */
const CHUNK = 500;
/** Members written per batch of the export. */
const BATCH = 500;

function chunked<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const TRANSFER_KINDS = ['transfer_in', 'transfer_out', 'transfer_within'] as const;

/**
 * The archive's outputs: the member roll as xlsx (the import template's columns, so a file
 * exported with numbers can be edited and imported elsewhere; masked unless the caller holds
 * `person:pii:read`) and the annual report (JSON for the page, xlsx to file). Each download is audited.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ArchiveExportService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private people!: MemberPeopleService;

  @Inject()
  private views!: MemberViewsService;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private audit!: AuditActorService;

  /** The caller's scope narrowed to `orgId` (NOT_FOUND outside it): a path prefix or null for all. */
  private async scopeWithin(principal: Principal, orgId?: string) {
    const scope = await this.scopes.scopeOf(principal);
    const org = orgId ? await this.orgs.getInScope(scope, orgId) : null;
    return { scope, org };
  }

  /** Unmasked ID number and phone of each member (only called with `person:pii:read`). */
  private async plainNumbers(
    members: readonly PartyMember[],
  ): Promise<Map<string, { id: string | null; phone: string | null }>> {
    const personIds = members.flatMap((m) => (m.personId ? [m.personId] : []));
    const persons = new Map<string, Person>();
    for (const chunk of chunked(personIds))
      for (const p of await this.dataSource.getRepository(Person).findBy({ id: In(chunk) })) persons.set(p.id, p);
    return new Map(
      members.map((m) => {
        const p = m.personId ? persons.get(m.personId) : undefined;
        return [
          m.id,
          p
            ? { id: this.cipher.open(p.idNumber), phone: this.cipher.open(p.phone) }
            : { id: null, phone: this.cipher.open(m.phone) },
        ];
      }),
    );
  }

  async exportMembers(acting: Acting, orgId?: string): Promise<Buffer> {
    const { scope, org } = await this.scopeWithin(acting.actor, orgId);
    const unmasked = hasPermission(acting.actor.roles, Permission.PiiRead, acting.actor.grants ?? []);
    const members = await applyPartyScope(
      this.dataSource.getRepository(PartyMember).createQueryBuilder('m'),
      scope,
      'm.org_path',
      org?.path,
    )
      .andWhere('m.status = :active', { active: 'active' })
      .orderBy('m.orgPath', 'ASC')
      .addOrderBy('m.joinedOn', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    const buffer = await writeXlsx(
      '党员名册',
      memberColumns.map((c) => ({ header: c.header, width: c.width })),
      async (add) => {
        for (let i = 0; i < members.length; i += BATCH) {
          const batch = members.slice(i, i + BATCH);
          const [people, orgNames, plain] = await Promise.all([
            this.people.describe(batch),
            this.views.orgNames(batch.map((m) => m.orgId)),
            unmasked ? this.plainNumbers(batch) : Promise.resolve(null),
          ]);
          for (const m of batch) {
            const p = people.get(m.id);
            const numbers = plain?.get(m.id);
            const row: CellOut[] = [
              p?.name ?? '',
              numbers ? numbers.id : (p?.idNumber ?? null),
              p?.gender ? genderLabels[p.gender] : null,
              p?.birthDate ?? null,
              numbers ? numbers.phone : (p?.phone ?? null),
              orgNames.get(m.orgId) ?? '',
              memberCategoryLabels[m.category],
              m.joinedOn,
              m.convertedOn,
              m.position,
              m.education ? educationLabels[m.education] : null,
              m.workUnit,
            ];
            add(row);
          }
        }
      },
    );
    await this.audit.record(acting, {
      action: 'party.member.export',
      resourceType: 'party_member',
      resourceId: org?.id ?? 'scope',
      result: 'success',
      detail: { rows: members.length, masked: !unmasked, orgId: org?.id ?? null },
    });
    return buffer;
  }

  async report(
    principal: Principal,
    year?: number,
    orgId?: string,
    now: Date = new Date(),
  ): Promise<PartyAnnualReportVO> {
    const today = todayInShanghai(now);
    const reportYear = year ?? Number(today.slice(0, 4));
    const asOf = reportAsOf(reportYear, today);
    const { scope, org } = await this.scopeWithin(principal, orgId);
    const members = await applyPartyScope(
      this.dataSource.getRepository(PartyMember).createQueryBuilder('m'),
      scope,
      'm.org_path',
      org?.path,
    ).getMany();
    const branches = (
      await applyPartyScope(this.dataSource.getRepository(PartyOrg).createQueryBuilder('o'), scope, 'o.path', org?.path)
        .andWhere('o.status = :active', { active: 'active' })
        .getMany()
    )
      .filter((o) => holdsMembers(o.type))
      // As the organisation tree lists them: sort order, then name.
      .sort((a, b) => a.sortOrder - b.sortOrder || naturalCompare(a.name, b.name));
    const people = await this.people.describe(members, now);
    const events: ReportEventFact[] = [];
    for (const chunk of chunked(members.map((m) => m.id))) {
      const rows = await this.dataSource.getRepository(PartyMemberEvent).find({
        where: { memberId: In(chunk), kind: In([...TRANSFER_KINDS]) },
        select: { kind: true, happenedOn: true },
      });
      for (const e of rows) events.push({ kind: e.kind as ReportEventFact['kind'], on: e.happenedOn });
    }
    const tally = tallyAnnualReport(
      reportYear,
      asOf,
      members.map((m) => ({
        orgId: m.orgId,
        active: m.status === 'active',
        category: m.category,
        gender: people.get(m.id)?.gender ?? null,
        birthDate: people.get(m.id)?.birthDate ?? null,
        education: m.education,
        joinedOn: m.joinedOn,
      })),
      events,
      branches.map((b) => b.id),
    );
    const orgNames = await this.views.orgNames(tally.byBranch.map((b) => b.orgId));
    return {
      year: reportYear,
      asOf,
      orgName: org?.name ?? null,
      ...tally,
      byBranch: tally.byBranch.map((b) => ({ ...b, orgName: orgNames.get(b.orgId) ?? '' })),
      bySex: tally.bySex.map((c) => ({ ...c, label: c.key === 'unknown' ? '不详' : genderLabels[c.key] })),
      byAgeBand: tally.byAgeBand.map((c) => ({ ...c, label: ageBandLabels[c.key] })),
      byEducation: tally.byEducation.map((c) => ({
        ...c,
        label: c.key === 'unknown' ? '未填写' : educationLabels[c.key],
      })),
    };
  }

  async reportXlsx(acting: Acting, year?: number, orgId?: string): Promise<{ buffer: Buffer; year: number }> {
    const r = await this.report(acting.actor, year, orgId);
    const buffer = await writeXlsx(
      `${r.year}年度报表`,
      [
        { header: '统计项', width: 16 },
        { header: '类别', width: 28 },
        { header: '人数', width: 10 },
        { header: '其中正式党员', width: 14 },
        { header: '其中预备党员', width: 14 },
      ],
      async (add) => {
        add(['报表范围', r.orgName ?? '本人负责的全部党组织', null, null, null]);
        add(['统计截至', r.asOf, null, null, null]);
        add(['党员总数', '在册党员', r.total, null, null]);
        for (const b of r.byBranch) add(['按支部', b.orgName, b.total, b.full, b.probationary]);
        for (const c of r.bySex) add(['按性别', c.label, c.count, null, null]);
        for (const c of r.byAgeBand) add(['按年龄段', c.label, c.count, null, null]);
        for (const c of r.byEducation) add(['按学历', c.label, c.count, null, null]);
        add(['本年变动', '新发展党员（本年入党）', r.newMembers, null, null]);
        add(['本年变动', '从镇外转入', r.transfersIn, null, null]);
        add(['本年变动', '转出镇外', r.transfersOut, null, null]);
        add(['本年变动', '镇内组织关系转接', r.transfersWithin, null, null]);
      },
    );
    await this.audit.record(acting, {
      action: 'party.report.export',
      resourceType: 'party_org',
      resourceId: orgId ?? 'scope',
      result: 'success',
      detail: { year: r.year, total: r.total },
    });
    return { buffer, year: r.year };
  }
}
