import type { DataSource } from 'typeorm';
import { addMonths, beijingMonth, billDueOn, duesComputation, farmerDuesBoundsFen, type DuesKind } from '@zhili/shared';
import type { PiiCipher } from '../core/crypto/pii-cipher';
import { insertEach } from '../core/db/insert-each';
import { DuesBill } from '../modules/dues/bills/dues-bill.entity';
import { DuesDeclaration } from '../modules/dues/bills/dues-declaration.entity';
import { PartyMemberAccount } from '../modules/party/meetings/party-member-account.entity';
import { PartyMember } from '../modules/party/members/party-member.entity';
import { Person } from '../modules/registry/entities';
import { StaffUser } from '../modules/staff/staff-user.entity';
import { BRANCH_SECRETARY_USERNAME, LISI_NAME } from './demo-party';
import { Rng } from './prng';

const DEMO_DUES_SEED = 20_261_216;
/** Months of bills: this month and the six before it (enough for one member to reach the 6-month flag). */
const HISTORY_MONTHS = 7;
/** 李四's base: employed, ¥4,500 a month after tax → 1 % = ¥45.00. */
const LISI_INCOME_FEN = 450_000;

export interface DemoDuesReport {
  /** False when bases existed already (nothing written) or there are no party members. */
  created: boolean;
  declarations: number;
  bills: number;
  /** The member left six months behind, so the arrears list has a flagged entry. */
  flaggedMemberId: string | null;
}

/** A UUID-shaped id from the seeded generator: the same database every run. */
function demoId(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () => rng.uint32().toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A member's base: kind and income drawn to look like a town's members (many farmers, some retirees). */
function drawBase(rng: Rng): { kind: DuesKind; incomeFen: number | null; farmerFen: number | null } {
  const roll = rng.next();
  if (roll < 0.4) return { kind: 'employed', incomeFen: rng.int(25, 120) * 10_000, farmerFen: null };
  if (roll < 0.65) return { kind: 'retired', incomeFen: rng.int(20, 70) * 10_000, farmerFen: null };
  if (roll < 0.9) return { kind: 'farmer', incomeFen: null, farmerFen: rng.pick([20, 50, 100]) };
  return { kind: rng.pick<DuesKind>(['student', 'unemployed', 'subsistence']), incomeFen: null, farmerFen: null };
}

/** ISO instant of 10:00 Beijing on `day` of `month` (clamped to the month's last day). */
function beijingMorning(month: string, day: number): string {
  const last = Number(billDueOn(month).slice(8));
  return new Date(`${month}-${String(Math.min(day, last)).padStart(2, '0')}T10:00:00+08:00`).toISOString();
}

/**
 * Dues for the demo party (党费): a base for this year and last for every active member, and monthly
 * bills for the last seven months with a realistic mix — most paid (WeChat Pay, cash to the branch,
 * some on someone's behalf), a few late, a few unpaid; one member six months behind so the arrears list
 * shows a flag; 李四 (the linked demo member) employed at ¥4,500, with every month paid but this one,
 * so the end-to-end journey can pay it. Members are found by their registry name (李四).
 */
export async function ensureDemoDues(
  dataSource: DataSource,
  options: {
    cipher: PiiCipher;
    now?: Date;
    /** Reference day YYYY-MM-DD of the demo (Beijing); default today. */ today?: string;
  },
): Promise<DemoDuesReport> {
  const none: DemoDuesReport = { created: false, declarations: 0, bills: 0, flaggedMemberId: null };
  if ((await dataSource.getRepository(DuesDeclaration).count()) > 0) return none;
  const members = await dataSource
    .getRepository(PartyMember)
    .find({ where: { status: 'active' }, order: { id: 'ASC' } });
  if (members.length === 0) return none;
  const linked = new Set((await dataSource.getRepository(PartyMemberAccount).find()).map((a) => a.memberId));
  // 李四 by his registry name (his file is linked to a person of the demo town).
  const lisiPersons = new Set(
    (await dataSource.getRepository(Person).find({ where: { name: LISI_NAME }, select: { id: true } })).map(
      (p) => p.id,
    ),
  );
  const isLisiFile = (m: PartyMember) => m.personId !== null && lisiPersons.has(m.personId);
  const secretary = await dataSource.getRepository(StaffUser).findOneBy({ username: BRANCH_SECRETARY_USERNAME });
  const now = options.now ?? (options.today ? new Date(`${options.today}T12:00:00+08:00`) : new Date());
  const current = beijingMonth(now);
  const year = Number(current.slice(0, 4));
  const rng = new Rng(DEMO_DUES_SEED);
  // Someone without a mini-program account (the demo links only 李四), else anyone but 李四.
  const flagged =
    members.find((m) => !linked.has(m.id) && !isLisiFile(m)) ?? members.find((m) => !isLisiFile(m)) ?? null;

  const declarations: DuesDeclaration[] = [];
  const bills: DuesBill[] = [];
  for (const member of members) {
    const isLisi = isLisiFile(member);
    const base = isLisi ? { kind: 'employed' as const, incomeFen: LISI_INCOME_FEN, farmerFen: null } : drawBase(rng);
    const monthlyFen = duesComputation(base.kind, base.incomeFen ?? 0, {
      farmerFen: base.farmerFen ?? farmerDuesBoundsFen.default,
    }).dueFen;
    const byYear = new Map<number, DuesDeclaration>();
    for (const y of [year - 1, year]) {
      const d = dataSource.getRepository(DuesDeclaration).create({
        id: demoId(rng),
        memberId: member.id,
        orgPath: member.orgPath,
        year: y,
        kind: base.kind,
        income: options.cipher.seal(base.incomeFen === null ? null : String(base.incomeFen)),
        farmerFen: base.kind === 'farmer' ? base.farmerFen : null,
        monthlyFen,
        declaredByKind: isLisi ? 'member' : 'branch',
        declaredBy: isLisi ? member.id : (secretary?.id ?? member.id),
        note: null,
        version: 1,
      });
      declarations.push(d);
      byYear.set(y, d);
    }
    for (let back = HISTORY_MONTHS - 1; back >= 0; back -= 1) {
      const month = addMonths(current, -back);
      if (member.joinedOn > billDueOn(month)) continue;
      const declaration = byYear.get(Number(month.slice(0, 4))) ?? byYear.get(year)!;
      const bill = dataSource.getRepository(DuesBill).create({
        id: demoId(rng),
        memberId: member.id,
        orgId: member.orgId,
        orgPath: member.orgPath,
        kind: 'monthly',
        month,
        period: month,
        amountFen: declaration.monthlyFen,
        declarationId: declaration.id,
        title: null,
        status: 'unpaid',
        dueOn: billDueOn(month),
        paidVia: null,
        paidAt: null,
        paidOrderNo: null,
        recordedBy: null,
        paidNote: null,
        version: 1,
      });
      bills.push(bill);
      // 李四: everything paid but this month. The flagged member: nothing paid in the last six months.
      const paid = isLisi ? back > 0 : member === flagged ? back > 6 : back === 0 ? rng.chance(0.5) : rng.chance(0.93);
      if (!paid) continue;
      const via = isLisi ? 'wechat' : rng.pick(['wechat', 'wechat', 'wechat', 'cash', 'cash', 'proxy'] as const);
      const late = rng.chance(0.1) && back > 0;
      bill.status = 'paid';
      bill.paidVia = via;
      bill.paidAt = late ? beijingMorning(addMonths(month, 1), rng.int(2, 10)) : beijingMorning(month, rng.int(3, 25));
      if (bill.paidAt > now.toISOString()) bill.paidAt = now.toISOString();
      bill.recordedBy = via === 'wechat' ? null : (secretary?.id ?? null);
      bill.paidNote = via === 'proxy' ? '代缴人：家属' : null;
      bill.version = 2;
    }
  }
  await dataSource.transaction(async (em) => {
    await insertEach(em.getRepository(DuesDeclaration), declarations);
    await insertEach(em.getRepository(DuesBill), bills);
  });
  return {
    created: true,
    declarations: declarations.length,
    bills: bills.length,
    flaggedMemberId: flagged?.id ?? null,
  };
}
