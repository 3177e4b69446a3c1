import { randomUUID } from 'crypto';
import ExcelJS from 'exceljs';
import type { DuesMonthlyReportVO, Permission } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { createPartyOrg, PARTY_WORK, partyStaff } from './support/party-fixtures';
import { AuditLog } from '../src/core/audit';
import { PartyOrg } from '../src/modules/party';
import { DuesBill } from '../src/modules/dues/bills/dues-bill.entity';

const backend = currentBackend();
const DUES_WORK: Permission[] = [...PARTY_WORK, 'dues:manage'];
type Who = { id: string; auth: string };

/**
 * 党费收缴月报 through the API on planted bills: on time, late (paid after the due day in Beijing
 * though still on it in UTC), unpaid, waived, special and refunded; the party scope (a secretary sees
 * their branch only, another branch is 404), the period rules, and the xlsx read back cell by cell.
 */
describe(`dues reports on ${backend.name}`, () => {
  let t: TestApp;
  let admin: Who;
  let secretaryA: Who;
  let noDues: Who;
  let branchA: PartyOrg;
  let branchB: PartyOrg;

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const report = async (who: Who, query: string) => {
    const res = await get(who, `/api/admin/dues/reports/monthly?${query}`);
    expect(res.status).toBe(200);
    return res.body.data as DuesMonthlyReportVO;
  };

  jest.setTimeout(120_000);

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    const ds = await dataSourceOf(t);
    const town = await createRegion(t, '青山镇', 'town');
    const villageA = await createRegion(t, '幸福村', 'village', town);
    const villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await partyStaff(t, 'dues.rep.town', town, ['party:manage', ...DUES_WORK]);
    secretaryA = await partyStaff(t, 'dues.rep.sec.a', villageA, DUES_WORK);
    noDues = await partyStaff(t, 'dues.rep.plain', villageB, PARTY_WORK);
    const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
    const a = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
    const b = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '和谐村党支部' });
    const assigned = await t
      .http()
      .post(`/api/admin/party/orgs/${a.id}/staff`)
      .set('Authorization', admin.auth)
      .send({ staffUserId: secretaryA.id });
    expect(assigned.status).toBe(200);
    branchA = await ds.getRepository(PartyOrg).findOneByOrFail({ id: a.id });
    branchB = await ds.getRepository(PartyOrg).findOneByOrFail({ id: b.id });

    // Bills written directly: the report reads bills, whoever made them (the bills API is tested elsewhere).
    const bill = (org: PartyOrg, memberId: string, over: Partial<DuesBill>): DuesBill => {
      const id = randomUUID();
      const month = over.month ?? '2026-11';
      return ds.getRepository(DuesBill).create({
        id,
        memberId,
        orgId: org.id,
        orgPath: org.path,
        kind: 'monthly',
        month,
        period: over.kind && over.kind !== 'monthly' ? id : month,
        amountFen: 100,
        declarationId: null,
        title: null,
        status: 'unpaid',
        dueOn: `${month}-${month === '2026-11' ? '30' : '31'}`,
        paidVia: null,
        paidAt: null,
        paidOrderNo: null,
        recordedBy: null,
        paidNote: null,
        ...over,
      });
    };
    const paid = (at: string) => ({ status: 'paid', paidVia: 'wechat', paidAt: at });
    const rows = [
      // Branch A, November: paid on the due day at 23:30 Beijing (15:30 UTC) — on time.
      bill(branchA, 'a1', paid('2026-11-30T15:30:00.000Z')),
      // Paid at 00:30 Beijing on 1 December, still 30 November in UTC — late.
      bill(branchA, 'a2', paid('2026-11-30T16:30:00.000Z')),
      bill(branchA, 'a3', { amountFen: 250 }),
      bill(branchA, 'a4', { amountFen: 40, status: 'waived', paidNote: '生活困难，经支委会研究减免' }),
      bill(branchA, 'a1', {
        kind: 'special',
        title: '抗洪救灾特殊党费',
        amountFen: 5000,
        ...paid('2026-12-03T02:00:00Z'),
      }),
      bill(branchA, 'a2', { kind: 'voluntary', amountFen: 800, status: 'refunded', paidAt: '2026-11-02T02:00:00Z' }),
      // Branch A, October: one on time.
      bill(branchA, 'a1', { month: '2026-10', ...paid('2026-10-08T02:00:00.000Z') }),
      // Branch B, November: one on time.
      bill(branchB, 'b1', { amountFen: 60, ...paid('2026-11-10T02:00:00.000Z') }),
      // Outside the period asked for.
      bill(branchB, 'b1', { month: '2026-09', amountFen: 60 }),
    ];
    for (const row of rows) await ds.getRepository(DuesBill).insert(row);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('reports each branch and month with the town totals', async () => {
    const data = await report(admin, 'from=2026-10&to=2026-11');
    expect(data).toMatchObject({ from: '2026-10', to: '2026-11', orgId: null, orgName: null });
    expect(data.rows.map((r) => `${r.month} ${r.orgName}`)).toEqual(
      expect.arrayContaining(['2026-10 幸福村党支部', '2026-11 幸福村党支部', '2026-11 和谐村党支部']),
    );
    expect(data.rows).toHaveLength(3);
    const novA = data.rows.find((r) => r.month === '2026-11' && r.orgId === branchA.id);
    expect(novA).toEqual({
      orgId: branchA.id,
      orgName: '幸福村党支部',
      month: '2026-11',
      memberCount: 4,
      dueFen: 5450,
      paidFen: 5200,
      outstandingFen: 250,
      onTimeCount: 1,
      onTimeBase: 3,
      onTimePermille: 333,
      waivedCount: 1,
      waivedFen: 40,
      refundedFen: 800,
    });
    expect(data.monthTotals.map((m) => [m.month, m.dueFen, m.paidFen, m.onTimeCount, m.onTimeBase])).toEqual([
      ['2026-10', 100, 100, 1, 1],
      ['2026-11', 5510, 5260, 2, 4],
    ]);
    expect(data.total).toMatchObject({ memberCount: 5, dueFen: 5610, paidFen: 5360, outstandingFen: 250 });
  });

  it('keeps a secretary to their branch; another branch is 404; no dues:manage is 403', async () => {
    const mine = await report(secretaryA, 'from=2026-10&to=2026-11');
    expect(new Set(mine.rows.map((r) => r.orgId))).toEqual(new Set([branchA.id]));
    expect(mine.total).toMatchObject({ dueFen: 5550, paidFen: 5300, memberCount: 4 });
    expect((await get(secretaryA, `/api/admin/dues/reports/monthly?orgId=${branchB.id}`)).status).toBe(404);
    expect((await get(noDues, '/api/admin/dues/reports/monthly')).status).toBe(403);
  });

  it('narrows the town to one organisation', async () => {
    const data = await report(admin, `orgId=${branchB.id}&from=2026-09&to=2026-11`);
    expect(data.orgName).toBe('和谐村党支部');
    expect(data.rows.map((r) => [r.month, r.dueFen, r.paidFen])).toEqual([
      ['2026-09', 60, 0],
      ['2026-11', 60, 60],
    ]);
    expect(data.monthTotals).toHaveLength(3);
  });

  it.each([
    ['from=2026-13&to=2026-11', '月份格式应为 YYYY-MM'],
    ['from=2024-11&to=2026-11', '统计区间最多 24 个月'],
    ['from=2026-11&to=2026-10', '结束月份不能早于开始月份'],
  ])('refuses %s in Chinese', async (query, message) => {
    const res = await get(admin, `/api/admin/dues/reports/monthly?${query}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(message);
  });

  it('exports the report as xlsx, audited', async () => {
    const res = await get(secretaryA, '/api/admin/dues/reports/monthly/export?from=2026-10&to=2026-11')
      .buffer(true)
      .parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(4).value).toBe('应缴（元）');
    const text = (sheet.getSheetValues().filter(Boolean) as unknown[][]).map((r) =>
      r.filter((v) => v !== null && v !== undefined).join('|'),
    );
    expect(text).toContain('2026-11|幸福村党支部|4|54.5|52|2.5|1|33.3%|1|0.4|8');
    expect(text).toContain('2026-10 至 2026-11|全部合计|4|55.5|53|2.5|2|50.0%|1|0.4|8');
    expect(text.join('\n')).not.toContain('和谐村');
    const ds = await dataSourceOf(t);
    const audits = await ds.getRepository(AuditLog).findBy({ action: 'party.dues.report.export' });
    expect(audits.map((a) => a.actorId)).toEqual([secretaryA.id]);
  });
});
