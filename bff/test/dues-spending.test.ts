import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import type { DuesSpendingSummaryVO, DuesSpendingVO, Permission } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { createPartyOrg, day, PARTY_WORK, partyStaff } from './support/party-fixtures';
import { AuditLog } from '../src/core/audit';
import { StoredFile } from '../src/modules/file';

const backend = currentBackend();
const DUES_WORK: Permission[] = [...PARTY_WORK, 'dues:manage'];
type Who = { id: string; auth: string };

/** A tiny JPEG structure (the server checks markers, not pixels). */
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 0xff, 0xda, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xff, 0xd9,
]);

/**
 * 党费支出 through the API: create with a receipt, list with filters and totals, update, delete,
 * the Chinese refusals (amount, approver, future dates, someone else's file), the party scope (a
 * secretary's branch only, another branch 404), audit of every change, and the xlsx read back.
 */
describe(`dues spending on ${backend.name}`, () => {
  let t: TestApp;
  let uploadDir: string;
  let admin: Who;
  let secretaryA: Who;
  let secretaryB: Who;
  let noDues: Who;
  let branchA: { id: string };
  let branchB: { id: string };

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object) => t.http().post(path).set('Authorization', who.auth).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('Authorization', who.auth).send(body);
  const del = (who: Who, path: string) => t.http().delete(path).set('Authorization', who.auth);
  const upload = async (who: Who) => {
    const res = await t
      .http()
      .post('/api/admin/party/files')
      .set('Authorization', who.auth)
      .attach('file', jpeg, { filename: 'receipt.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };
  const input = (over: object = {}) => ({
    orgId: branchA.id,
    spentOn: day(-3),
    amountFen: 30_000,
    purpose: '春节慰问困难党员王大爷',
    category: '慰问困难党员',
    approverName: '张书记',
    approvedOn: day(-5),
    ...over,
  });

  jest.setTimeout(120_000);

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-dues-spending-'));
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', UPLOAD_DIR: uploadDir });
    const town = await createRegion(t, '青山镇', 'town');
    const villageA = await createRegion(t, '幸福村', 'village', town);
    const villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await partyStaff(t, 'dues.sp.town', town, ['party:manage', ...DUES_WORK]);
    secretaryA = await partyStaff(t, 'dues.sp.sec.a', villageA, DUES_WORK);
    secretaryB = await partyStaff(t, 'dues.sp.sec.b', villageB, DUES_WORK);
    noDues = await partyStaff(t, 'dues.sp.plain', villageA, PARTY_WORK);
    const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
    branchA = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
    branchB = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '和谐村党支部' });
    for (const [orgId, who] of [
      [branchA.id, secretaryA],
      [branchB.id, secretaryB],
      [branchA.id, noDues],
    ] as const)
      expect((await post(admin, `/api/admin/party/orgs/${orgId}/staff`, { staffUserId: who.id })).status).toBe(200);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('records, lists, totals, updates and deletes spending, each change audited', async () => {
    const receipt = await upload(secretaryA);
    const created = await post(secretaryA, '/api/admin/dues/spending', input({ attachmentIds: [receipt] }));
    expect(created.status).toBe(201);
    const record = created.body.data as DuesSpendingVO;
    expect(record).toMatchObject({
      orgName: '幸福村党支部',
      amountFen: 30_000,
      category: '慰问困难党员',
      approverName: '张书记',
      recordedBy: secretaryA.id,
      note: null,
    });
    expect(record.attachments.map((a) => a.id)).toEqual([receipt]);
    const ds = await dataSourceOf(t);
    expect((await ds.getRepository(StoredFile).findOneByOrFail({ id: receipt })).scopePath).toMatch(/^party:\//);

    const other = await post(secretaryA, '/api/admin/dues/spending', {
      ...input({ amountFen: 12_050, category: '订阅学习资料', purpose: '订阅《求是》杂志', spentOn: day(-40) }),
      note: '全年',
    });
    expect(other.status).toBe(201);
    expect((await post(secretaryB, '/api/admin/dues/spending', input({ orgId: branchB.id }))).status).toBe(201);

    const list = await get(secretaryA, '/api/admin/dues/spending');
    expect(list.status).toBe(200);
    expect((list.body.data as DuesSpendingVO[]).map((r) => r.purpose)).toEqual([
      '春节慰问困难党员王大爷',
      '订阅《求是》杂志',
    ]);
    expect(list.body.page.total).toBe(2);
    const narrowed = await get(
      secretaryA,
      `/api/admin/dues/spending?from=${day(-10)}&q=${encodeURIComponent('王大爷')}`,
    );
    expect((narrowed.body.data as DuesSpendingVO[]).map((r) => r.id)).toEqual([record.id]);

    const summary = (await get(secretaryA, '/api/admin/dues/spending/summary')).body.data as DuesSpendingSummaryVO;
    expect(summary).toEqual({
      count: 2,
      totalFen: 42_050,
      byCategory: [
        { category: '慰问困难党员', count: 1, totalFen: 30_000 },
        { category: '订阅学习资料', count: 1, totalFen: 12_050 },
      ],
    });
    const town = (await get(admin, '/api/admin/dues/spending/summary')).body.data as DuesSpendingSummaryVO;
    expect(town.totalFen).toBe(72_050);

    const second = await upload(secretaryA);
    const updated = await put(secretaryA, `/api/admin/dues/spending/${record.id}`, {
      ...input({ amountFen: 28_000, attachmentIds: [receipt, second] }),
      note: '实际支出少于预算',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ amountFen: 28_000, note: '实际支出少于预算' });
    expect((updated.body.data as DuesSpendingVO).attachments).toHaveLength(2);

    expect((await del(secretaryA, `/api/admin/dues/spending/${record.id}`)).status).toBe(204);
    expect((await get(secretaryA, '/api/admin/dues/spending')).body.page.total).toBe(1);

    const audits = await ds.getRepository(AuditLog).findBy({ resourceId: record.id });
    expect(audits.map((a) => a.action).sort()).toEqual([
      'party.dues.spending.delete',
      'party.dues.spending.save',
      'party.dues.spending.save',
    ]);
  });

  it('refuses a bad form in Chinese, naming the field', async () => {
    const refused = async (body: object, field: string, message: string) => {
      const res = await post(secretaryA, '/api/admin/dues/spending', body);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual(expect.arrayContaining([{ field, message }]));
    };
    await refused(input({ amountFen: 0 }), 'amountFen', '金额应大于 0');
    await refused(input({ amountFen: 10.5 }), 'amountFen', '金额应为整数（分）');
    await refused(input({ approverName: '  ' }), 'approverName', '请填写审批人');
    await refused(input({ spentOn: day(1) }), 'spentOn', '支出日期不能晚于今天');
    await refused(input({ approvedOn: day(2) }), 'approvedOn', '审批日期不能晚于今天');
    await refused(input({ category: '吃喝' }), 'category', '请选择支出类别');
    await refused(input({ orgId: branchB.id }), 'orgId', '党组织不存在或不在您的负责范围内');
    // Someone else's upload cannot be taken over.
    const theirs = await upload(secretaryB);
    await refused(input({ attachmentIds: [theirs] }), 'attachmentIds', '图片不存在或已被使用，请重新上传');
    expect((await post(secretaryA, '/api/admin/dues/spending', { ...input(), extra: 1 })).status).toBe(400);
  });

  it('keeps each secretary to their organisations', async () => {
    const theirs = (await get(secretaryB, '/api/admin/dues/spending')).body.data as DuesSpendingVO[];
    expect(theirs).toHaveLength(1);
    const id = theirs[0].id;
    expect((await put(secretaryA, `/api/admin/dues/spending/${id}`, input())).status).toBe(404);
    expect((await del(secretaryA, `/api/admin/dues/spending/${id}`)).status).toBe(404);
    expect((await get(secretaryA, `/api/admin/dues/spending?orgId=${branchB.id}`)).status).toBe(404);
    expect((await get(noDues, '/api/admin/dues/spending')).status).toBe(403);
    expect((await post(noDues, '/api/admin/dues/spending', input())).status).toBe(403);
  });

  it('exports the caller organisations spending as xlsx, audited', async () => {
    const res = await get(admin, `/api/admin/dues/spending/export?orgId=${branchA.id}`)
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
    expect(sheet.getRow(1).getCell(5).value).toBe('金额（元）');
    expect(sheet.getRow(2).getCell(4).value).toBe('订阅《求是》杂志');
    expect(sheet.getRow(2).getCell(5).value).toBe(120.5);
    expect(sheet.getRow(3).getCell(1).value).toBe('合计');
    expect(sheet.getRow(3).getCell(5).value).toBe(120.5);
    const ds = await dataSourceOf(t);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'party.dues.spending.export' })).toBe(1);
  });
});
