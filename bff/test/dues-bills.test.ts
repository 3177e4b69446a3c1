import { randomUUID } from 'crypto';
import {
  addMonths,
  beijingMonth,
  billDueOn,
  monthlyDuesFen,
  type DuesArrearsRowVO,
  type DuesBillVO,
  type DuesDeclarationRowVO,
  type MyDuesVO,
  type Permission,
} from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { mpLogin } from './support/mp-fixtures';
import { createPartyOrg, PARTY_WORK, partyStaff, registryPerson } from './support/party-fixtures';
import type { Region } from '../src/modules/region';
import { MpUser } from '../src/modules/mp-user';
import { AuditLog } from '../src/core/audit';
import { DuesBill } from '../src/modules/dues/bills/dues-bill.entity';
import { DuesDeclaration } from '../src/modules/dues/bills/dues-declaration.entity';
import { markBillsPaid } from '../src/modules/dues/bills/bill-payments';
import { PayOrder } from '../src/modules/dues/payments/pay-order.entity';

const backend = currentBackend();
const DUES_WORK: Permission[] = [...PARTY_WORK, 'dues:manage'];
type Who = { id: string; auth: string };
type Key = 'a1' | 'a2' | 'a3' | 'b1';

/**
 * Dues bases, monthly bills, cash / proxy / waive, arrears and reminders through the API, within the
 * party scope: another branch's secretary gets 404 for everything of branch A.
 */
describe(`dues bills on ${backend.name}`, () => {
  let t: TestApp;
  let admin: Who;
  let secretaryA: Who;
  let secretaryB: Who;
  let branchA: { id: string };
  const m: Record<Key, { id: string }> = {} as never;
  const mp: Record<Key, Who> = {} as never;
  let resident: Who;
  const month = beijingMonth(new Date());
  const year = Number(month.slice(0, 4));

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object = {}) =>
    t.http().post(path).set('Authorization', who.auth).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('Authorization', who.auth).send(body);

  jest.setTimeout(180_000);

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', WECHAT_TMPL_DUES_REMINDER: 'sim_tmpl_dues_reminder' });
    const ds = await dataSourceOf(t);
    const town = await createRegion(t, '青山镇', 'town');
    const villageA = await createRegion(t, '幸福村', 'village', town);
    const villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await partyStaff(t, 'dues.town', town, ['party:manage', ...DUES_WORK]);
    secretaryA = await partyStaff(t, 'dues.sec.a', villageA, DUES_WORK);
    secretaryB = await partyStaff(t, 'dues.sec.b', villageB, DUES_WORK);
    const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
    branchA = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
    const branchB = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '和谐村党支部' });
    await post(admin, `/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: secretaryA.id });
    await post(admin, `/api/admin/party/orgs/${branchB.id}/staff`, { staffUserId: secretaryB.id });
    const member = async (key: Key, name: string, region: Region, orgId: string) => {
      const person = await registryPerson(t, name, region);
      const res = await post(admin, '/api/admin/party/members', {
        personId: person.id,
        orgId,
        category: 'full',
        joinedOn: '2001-07-01',
      });
      expect(res.status).toBe(201);
      m[key] = res.body.data as { id: string };
      const user = await mpLogin(t, `dues-${key}`);
      await ds.getRepository(MpUser).update({ id: user.id }, { roles: ['party_member'] });
      const linked = await put(admin, `/api/admin/party/members/${m[key].id}/mp-account`, { mpUserId: user.id });
      expect(linked.status).toBe(204);
      // Signed in again: the new token carries the party_member role.
      mp[key] = await mpLogin(t, `dues-${key}`);
    };
    await member('a1', '李一', villageA, branchA.id);
    await member('a2', '李二', villageA, branchA.id);
    await member('a3', '李三', villageA, branchA.id);
    await member('b1', '孙一', villageB, branchB.id);
    resident = await mpLogin(t, 'dues-resident');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('the branch declares a base; the list shows the bracket, never the income; audited', async () => {
    const res = await put(secretaryA, `/api/admin/dues/declarations/${m.a1.id}/${year}`, {
      kind: 'employed',
      incomeFen: 450_000,
    });
    expect(res.status).toBe(200);
    const row = res.body.data as DuesDeclarationRowVO;
    expect(row.monthlyFen).toBe(monthlyDuesFen('employed', 450_000));
    expect(row.monthlyFen).toBe(4500);
    expect(row.incomeBracket).toBe('月税后工资收入3000元以上至5000元（含5000元）');
    expect(JSON.stringify(res.body)).not.toContain('4500.00');
    expect(JSON.stringify(res.body)).not.toContain('450000');
    const ds = await dataSourceOf(t);
    const stored = await ds.getRepository(DuesDeclaration).findOneByOrFail({ memberId: m.a1.id, year });
    expect(stored.income.cipher).not.toContain('450000');
    const audit = await ds
      .getRepository(AuditLog)
      .findOneBy({ action: 'party.dues.declaration.save', resourceId: m.a1.id });
    expect(audit).not.toBeNull();
    expect(JSON.stringify(audit?.detail)).not.toContain('450000');

    // A correction needs the version the secretary saw.
    const stale = await put(secretaryA, `/api/admin/dues/declarations/${m.a1.id}/${year}`, {
      kind: 'employed',
      incomeFen: 600_000,
    });
    expect(stale.status).toBe(409);
    const fixed = await put(secretaryA, `/api/admin/dues/declarations/${m.a1.id}/${year}`, {
      kind: 'employed',
      incomeFen: 450_000,
      version: row.version,
    });
    expect(fixed.status).toBe(200);

    const missingIncome = await put(secretaryA, `/api/admin/dues/declarations/${m.a2.id}/${year}`, { kind: 'retired' });
    expect(missingIncome.status).toBe(400);
    expect(JSON.stringify(missingIncome.body)).toContain('月收入');
    expect(
      (await put(secretaryA, `/api/admin/dues/declarations/${m.a2.id}/${year}`, { kind: 'farmer', farmerFen: 50 }))
        .status,
    ).toBe(200);

    const list = await get(secretaryA, `/api/admin/dues/declarations?year=${year}`);
    expect(list.status).toBe(200);
    const rows = list.body.data as DuesDeclarationRowVO[];
    expect(rows.map((r) => r.memberId).sort()).toEqual([m.a1.id, m.a2.id, m.a3.id].sort());
    expect(rows.find((r) => r.memberId === m.a3.id)?.declarationId).toBeNull();
    expect(rows.find((r) => r.memberId === m.a2.id)?.monthlyFen).toBe(50);
  });

  it("another branch's secretary gets 404 for branch A's member and bills", async () => {
    const res = await put(secretaryB, `/api/admin/dues/declarations/${m.a1.id}/${year}`, {
      kind: 'student',
    });
    expect(res.status).toBe(404);
    const list = await get(secretaryB, `/api/admin/dues/declarations?year=${year}`);
    expect((list.body.data as DuesDeclarationRowVO[]).map((r) => r.memberId)).toEqual([m.b1.id]);
    expect((await post(secretaryB, `/api/admin/dues/arrears/${m.a1.id}/remind`)).status).toBe(404);
  });

  it('generates the month once: twice and concurrently, no second bill; missing bases reported', async () => {
    const [x, y] = await Promise.all([
      post(secretaryA, '/api/admin/dues/bills/generate', { month }),
      post(secretaryA, '/api/admin/dues/bills/generate', { month }),
    ]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(x.body.data.created + y.body.data.created).toBe(2);
    for (const r of [x, y]) {
      expect(r.body.data.missingDeclaration).toBe(1);
      expect(r.body.data.missingMembers.map((mm: { memberId: string }) => mm.memberId)).toEqual([m.a3.id]);
    }
    const again = await post(secretaryA, '/api/admin/dues/bills/generate', { month });
    expect(again.body.data).toMatchObject({ created: 0, existing: 2, missingDeclaration: 1 });
    const ds = await dataSourceOf(t);
    expect(await ds.getRepository(DuesBill).countBy({ kind: 'monthly', month })).toBe(2);
    // Branch B's member was outside secretary A's scope: not billed by A's call.
    expect(await ds.getRepository(DuesBill).countBy({ memberId: m.b1.id })).toBe(0);
    const bills = await get(secretaryA, `/api/admin/dues/bills?month=${month}`);
    const a1 = (bills.body.data as DuesBillVO[]).find((b) => b.memberId === m.a1.id)!;
    expect(a1).toMatchObject({ amountFen: 4500, status: 'unpaid', dueOn: billDueOn(month), memberName: '李一' });
    expect((await get(secretaryB, `/api/admin/dues/bills?month=${month}`)).body.data).toEqual([]);
    const byName = await get(secretaryA, `/api/admin/dues/bills?month=${month}&q=${encodeURIComponent('李一')}`);
    expect((byName.body.data as DuesBillVO[]).map((b) => b.memberId)).toEqual([m.a1.id]);
  });

  it('cash once: a paid bill is refused with 409, markBillsPaid changes nothing the second time', async () => {
    const ds = await dataSourceOf(t);
    const bill = await ds.getRepository(DuesBill).findOneByOrFail({ memberId: m.a2.id, period: month });
    expect(
      (await post(secretaryB, `/api/admin/dues/bills/${bill.id}/cash`, { paidOn: '2026-01-01', version: 1 })).status,
    ).toBe(404);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const paid = await post(secretaryA, `/api/admin/dues/bills/${bill.id}/cash`, {
      paidOn: today,
      version: bill.version,
    });
    expect(paid.status).toBe(200);
    expect(paid.body.data).toMatchObject({ status: 'paid', paidVia: 'cash', paidOnTime: true });
    expect(paid.body.data.recordedByName).toBeTruthy();
    const twice = await post(secretaryA, `/api/admin/dues/bills/${bill.id}/cash`, {
      paidOn: today,
      version: paid.body.data.version,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('不能重复登记');
    const proxy = await post(secretaryA, `/api/admin/dues/bills/${bill.id}/proxy`, {
      paidOn: today,
      payerName: '李某',
      version: paid.body.data.version,
    });
    expect(proxy.status).toBe(409);
    const changed = await ds.transaction((em) =>
      markBillsPaid(em, [bill.id], { via: 'wechat', paidAt: new Date().toISOString(), orderNo: 'X1' }),
    );
    expect(changed).toBe(0);
    expect((await ds.getRepository(DuesBill).findOneByOrFail({ id: bill.id })).paidVia).toBe('cash');
    const audit = await ds.getRepository(AuditLog).countBy({ action: 'party.dues.bill.cash', resourceId: bill.id });
    expect(audit).toBe(1);
  });

  it("a corrected base re-prices the year's unpaid monthly bills, never a paid one or one in an open order", async () => {
    const ds = await dataSourceOf(t);
    const declare = async (memberId: string, body: object) => {
      const current = await ds.getRepository(DuesDeclaration).findOneByOrFail({ memberId, year });
      const res = await put(secretaryA, `/api/admin/dues/declarations/${memberId}/${year}`, {
        ...body,
        version: current.version,
      });
      expect(res.status).toBe(200);
    };
    const billOf = (memberId: string) => ds.getRepository(DuesBill).findOneByOrFail({ memberId, period: month });

    await declare(m.a1.id, { kind: 'employed', incomeFen: 600_000 });
    expect(await billOf(m.a1.id)).toMatchObject({ status: 'unpaid', amountFen: monthlyDuesFen('employed', 600_000) });
    // a2's month was paid in cash: money moved, its amount stays.
    await declare(m.a2.id, { kind: 'farmer', farmerFen: 100 });
    expect(await billOf(m.a2.id)).toMatchObject({ status: 'paid', amountFen: 50 });
    await declare(m.a2.id, { kind: 'farmer', farmerFen: 50 });

    // While a WeChat Pay order for the bill is open, the member pays what the order says.
    const bill = await billOf(m.a1.id);
    await ds.getRepository(PayOrder).insert({
      outTradeNo: 'DFREPRICE0001',
      memberId: m.a1.id,
      orgPath: bill.orgPath,
      mpUserId: mp.a1.id,
      billIds: JSON.stringify([bill.id]),
      amountFen: bill.amountFen,
      description: '党费',
      status: 'created',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    await declare(m.a1.id, { kind: 'employed', incomeFen: 450_000 });
    expect((await billOf(m.a1.id)).amountFen).toBe(monthlyDuesFen('employed', 600_000));
    await ds.getRepository(PayOrder).update({ outTradeNo: 'DFREPRICE0001' }, { status: 'closed' });
    await declare(m.a1.id, { kind: 'employed', incomeFen: 450_000 });
    expect((await billOf(m.a1.id)).amountFen).toBe(4500);
  });

  it('arrears: the streak skips waived months, flags six in a row, and reminders are rate-limited', async () => {
    const ds = await dataSourceOf(t);
    const insertMonthly = (memberId: string, monthsBack: number, status: string) =>
      ds.getRepository(DuesBill).insert({
        id: randomUUID(),
        memberId,
        orgId: branchA.id,
        orgPath: '',
        kind: 'monthly',
        month: addMonths(month, -monthsBack),
        period: addMonths(month, -monthsBack),
        amountFen: 100,
        declarationId: null,
        title: null,
        status,
        dueOn: billDueOn(addMonths(month, -monthsBack)),
        version: 1,
      });
    const orgPath = (await ds.query('SELECT org_path AS p FROM party_member WHERE id = ?', [m.a1.id])) as {
      p: string;
    }[];
    const insert = async (memberId: string, back: number, status: string) => {
      await insertMonthly(memberId, back, status);
      await ds.getRepository(DuesBill).update({ memberId, month: addMonths(month, -back) }, { orgPath: orgPath[0].p });
    };
    // a1: 6 unpaid months, 7 months back paid → flagged.
    for (let i = 1; i <= 6; i += 1) await insert(m.a1.id, i, 'unpaid');
    await insert(m.a1.id, 7, 'paid');
    // a3: unpaid, waived, unpaid, unpaid, then paid → streak 3 (the waiver is skipped), reminder due.
    await insert(m.a3.id, 1, 'unpaid');
    await insert(m.a3.id, 2, 'waived');
    await insert(m.a3.id, 3, 'unpaid');
    await insert(m.a3.id, 4, 'unpaid');
    await insert(m.a3.id, 5, 'paid');

    const res = await get(secretaryA, '/api/admin/dues/arrears');
    expect(res.status).toBe(200);
    const rows = res.body.data as DuesArrearsRowVO[];
    const a1 = rows.find((r) => r.memberId === m.a1.id)!;
    const a3 = rows.find((r) => r.memberId === m.a3.id)!;
    expect(a1).toMatchObject({ streak: 6, flagged: true, reminderDue: false, outstandingFen: 600, reachable: true });
    expect(a3).toMatchObject({ streak: 3, flagged: false, reminderDue: true, outstandingFen: 300 });
    expect(a3.unpaidMonths).toEqual([addMonths(month, -4), addMonths(month, -3), addMonths(month, -1)]);
    // This month's unpaid bill (a1) is not overdue yet: not in the streak.
    expect(a1.unpaidMonths).not.toContain(month);
    const flagged = await get(secretaryA, '/api/admin/dues/arrears?flagged=true');
    expect((flagged.body.data as DuesArrearsRowVO[]).map((r) => r.memberId)).toEqual([m.a1.id]);
    expect((await get(secretaryB, '/api/admin/dues/arrears')).body.data).toEqual([]);

    const first = await post(secretaryA, `/api/admin/dues/arrears/${m.a3.id}/remind`);
    expect(first.status).toBe(202);
    expect(first.body.data).toMatchObject({ streak: 3, outstandingFen: 300 });
    const [second, third] = await Promise.all([
      post(secretaryA, `/api/admin/dues/arrears/${m.a3.id}/remind`),
      post(admin, `/api/admin/dues/arrears/${m.a3.id}/remind`),
    ]);
    expect([second.status, third.status]).toEqual([429, 429]);
    expect(second.body.error.message).toContain('7 天内已提醒过');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(6 * 86_400);
    const after = (await get(secretaryA, '/api/admin/dues/arrears')).body.data as DuesArrearsRowVO[];
    expect(after.find((r) => r.memberId === m.a3.id)?.lastRemindedAt).toBe(first.body.data.sentAt);
    // Nothing owed: nothing to remind of.
    expect((await post(secretaryA, `/api/admin/dues/arrears/${m.a2.id}/remind`)).status).toBe(409);

    // A waiver with its reason; the waived month leaves the arrears.
    const bill = await ds.getRepository(DuesBill).findOneByOrFail({ memberId: m.a1.id, month: addMonths(month, -1) });
    const waived = await post(secretaryA, `/api/admin/dues/bills/${bill.id}/waive`, {
      reason: '因病住院',
      version: bill.version,
    });
    expect(waived.status).toBe(200);
    expect(waived.body.data).toMatchObject({ status: 'waived', paidNote: '因病住院' });
    const rows2 = (await get(secretaryA, '/api/admin/dues/arrears')).body.data as DuesArrearsRowVO[];
    expect(rows2.find((r) => r.memberId === m.a1.id)).toMatchObject({ streak: 5, flagged: false });
  });

  it('the member sees their own dues: the amount equals monthlyDuesFen, only their own bills', async () => {
    const res = await get(mp.a1, '/api/mp/dues');
    expect(res.status).toBe(200);
    const view = res.body.data as MyDuesVO;
    expect(view.thisMonth?.amountFen).toBe(monthlyDuesFen('employed', 450_000));
    expect(view.thisMonth?.explanation).toContain('4500.00元 × 1% = 45.00元');
    expect(view.declaration).toMatchObject({ kind: 'employed', incomeFen: 450_000, monthlyFen: 4500 });
    expect(view.unpaid.every((b) => b.memberId === m.a1.id)).toBe(true);
    expect(view.unpaid.map((b) => b.month)).toEqual([...view.unpaid.map((b) => b.month)].sort());
    expect(view.unpaidTotalFen).toBe(view.unpaid.reduce((s, b) => s + b.amountFen, 0));
    expect(view.paymentAvailable).toBe(false);
    const other = (await get(mp.a2, '/api/mp/dues')).body.data as MyDuesVO;
    expect(other.unpaid.concat(other.recentPaid).every((b) => b.memberId === m.a2.id)).toBe(true);
    expect(other.recentPaid.length).toBe(1);

    // A resident: refused at the door. A party_member account not linked to a file: told what to do.
    expect((await get(resident, '/api/mp/dues')).status).toBe(403);
    const ds = await dataSourceOf(t);
    const unlinked = await mpLogin(t, 'dues-unlinked');
    await ds.getRepository(MpUser).update({ id: unlinked.id }, { roles: ['party_member'] });
    const notLinked = await get(await mpLogin(t, 'dues-unlinked'), '/api/mp/dues');
    expect(notLinked.status).toBe(404);
    expect(notLinked.body.error.message).toContain('尚未关联党员档案');
  });

  it('the member declares this year once (outside January) and adds a voluntary bill', async () => {
    const first = await put(mp.a3, '/api/mp/dues/declaration', { kind: 'retired', incomeFen: 600_000 });
    expect(first.status).toBe(200);
    expect((first.body.data as MyDuesVO).thisMonth?.amountFen).toBe(monthlyDuesFen('retired', 600_000));
    const again = await put(mp.a3, '/api/mp/dues/declaration', { kind: 'retired', incomeFen: 100_000 });
    expect(again.status).toBe(month.endsWith('-01') ? 200 : 409);
    const bad = await put(mp.a3, '/api/mp/dues/declaration', { kind: 'employed' });
    expect(bad.status).toBe(400);

    const vol = await post(mp.a3, '/api/mp/dues/voluntary', { amountFen: 10_000 });
    expect(vol.status).toBe(201);
    expect(vol.body.data).toMatchObject({ kind: 'voluntary', amountFen: 10_000, status: 'unpaid', memberId: m.a3.id });
    expect((await post(mp.a3, '/api/mp/dues/voluntary', { amountFen: 0 })).status).toBe(400);
    expect((await post(resident, '/api/mp/dues/voluntary', { amountFen: 100 })).status).toBe(403);

    // Prepaying three months: next month on, at the base's amount; asking again makes no second bill.
    const prepaid = await post(mp.a3, '/api/mp/dues/prepay', { months: 3 });
    expect(prepaid.status).toBe(200);
    const due = monthlyDuesFen('retired', month.endsWith('-01') ? 100_000 : 600_000);
    expect(prepaid.body.data.bills.map((b: DuesBillVO) => [b.month, b.amountFen])).toEqual(
      [1, 2, 3].map((n) => [addMonths(month, n), due]),
    );
    expect(prepaid.body.data.totalFen).toBe(3 * due);
    const more = await post(mp.a3, '/api/mp/dues/prepay', { months: 4 });
    expect(more.body.data.bills).toHaveLength(4);
    expect(more.body.data.bills.slice(0, 3).map((b: DuesBillVO) => b.id)).toEqual(
      prepaid.body.data.bills.map((b: DuesBillVO) => b.id),
    );
    expect((await post(mp.a3, '/api/mp/dues/prepay', { months: 13 })).status).toBe(400);
  });

  it('special dues for a branch: one bill each, in scope only', async () => {
    const res = await post(secretaryA, '/api/admin/dues/bills/special', {
      orgId: branchA.id,
      title: '抗洪救灾特殊党费',
      amountFen: 20_000,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ created: 3, totalFen: 60_000 });
    expect(
      (await post(secretaryB, '/api/admin/dues/bills/special', { orgId: branchA.id, title: 'x', amountFen: 1 })).status,
    ).toBe(404);
    const list = await get(secretaryA, '/api/admin/dues/bills?kind=special');
    expect((list.body.data as DuesBillVO[]).map((b) => b.title)).toEqual(Array(3).fill('抗洪救灾特殊党费'));
    const named = await post(secretaryA, '/api/admin/dues/bills/special', {
      orgId: branchA.id,
      title: '特殊党费（个人）',
      amountFen: 5_000,
      memberIds: [m.a1.id],
    });
    expect(named.status).toBe(201);
    expect(named.body.data).toMatchObject({ created: 1, totalFen: 5_000 });
    // Branch B's member is not in branch A: refused, nothing written.
    const foreign = await post(secretaryA, '/api/admin/dues/bills/special', {
      orgId: branchA.id,
      title: '特殊党费（个人）',
      amountFen: 5_000,
      memberIds: [m.a1.id, m.b1.id],
    });
    expect(foreign.status).toBe(400);
    expect((await get(secretaryA, '/api/admin/dues/bills?kind=special')).body.page.total).toBe(4);
  });
});
