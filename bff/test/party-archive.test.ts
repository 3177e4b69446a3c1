import * as ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { idNumberCheckChar } from '@zhili/shared';
import type {
  PartyAnnualReportVO,
  PartyContactVO,
  PartyDocumentVO,
  PartyImportJobVO,
  PartyOrgDetailVO,
} from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { mpLogin } from './support/mp-fixtures';
import { partyStaff, registryPerson, townPartyAdmin } from './support/party-fixtures';
import type { Region } from '../src/modules/region';
import { MpUser } from '../src/modules/mp-user';
import { PartyMember } from '../src/modules/party';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();
type Who = { id: string; auth: string };

const HEADERS = [
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '手机号',
  '所在党组织',
  '党员类别',
  '入党日期',
  '转正日期',
  '职务',
  '学历',
  '工作单位',
];
type Row = Partial<Record<(typeof HEADERS)[number], string>>;

async function xlsx(rows: Row[], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readXlsx(buffer: Buffer): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const rows: (string | number | null)[][] = [];
  wb.worksheets[0].eachRow((row) => {
    const values = row.values as (ExcelJS.CellValue | undefined)[];
    rows.push(values.slice(1).map((v) => (typeof v === 'string' || typeof v === 'number' ? v : null)));
  });
  return rows;
}

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const idOf = (birth: string, seq: number) => {
  const first17 = `330102${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 0xff, 0xda, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xff, 0xd9,
]);

/**
 * The electronic archive through the API: member import (dry run, all-or-nothing, scope), the roll
 * export (masked without `person:pii:read`), the annual report on a known fixture, the document
 * cabinet per organisation and the contact book (staff scope; a member sees their own branch only).
 */
describe(`party electronic archive on ${backend.name}`, () => {
  let t: TestApp;
  let uploadDir: string;
  let ds: DataSource;
  let villageA: Region;
  let villageB: Region;
  let admin: Who;
  let secretaryA: Who;
  let readerA: Who;
  let committee: PartyOrgDetailVO;
  let branchA: PartyOrgDetailVO;
  let branchB: PartyOrgDetailVO;
  const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const idA = idOf('19800305', 11);
  const idB = idOf('19900101', 13);
  const idC = idOf('19700202', 24);

  jest.setTimeout(120_000);

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-archive-'));
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', UPLOAD_DIR: uploadDir });
    ds = await dataSourceOf(t);
    const town = await createRegion(t, '青山镇', 'town');
    villageA = await createRegion(t, '幸福村', 'village', town);
    villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await townPartyAdmin(t, 'archive.town', town);
    secretaryA = await partyStaff(t, 'archive.sec.a', villageA);
    readerA = await partyStaff(t, 'archive.read.a', villageA, ['party:org:read', 'party:member:read']);
    const create = async (body: object) => {
      const res = await t.http().post('/api/admin/party/orgs').set('Authorization', admin.auth).send(body);
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.body.data as PartyOrgDetailVO;
    };
    committee = await create({ parentId: null, type: 'committee', name: '青山镇党委', foundedOn: '2015-01-01' });
    branchA = await create({ parentId: committee.id, type: 'branch', name: '幸福村党支部', foundedOn: '2015-01-01' });
    branchB = await create({ parentId: committee.id, type: 'branch', name: '和谐村党支部', foundedOn: '2015-01-01' });
    for (const who of [secretaryA, readerA]) {
      await t
        .http()
        .post(`/api/admin/party/orgs/${branchA.id}/staff`)
        .set('Authorization', admin.auth)
        .send({ staffUserId: who.id });
    }
    await registryPerson(t, '张幸福', villageA, {
      idNumber: idA,
      phone: '13812345678',
      birthDate: '1980-03-05',
      gender: 'male',
    });
    await registryPerson(t, '李和谐', villageB, { idNumber: idB, birthDate: '1990-01-01', gender: 'female' });
    await registryPerson(t, '王幸福', villageA, { idNumber: idC, birthDate: '1970-02-02', gender: 'female' });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const upload = (who: Who, file: Buffer, dryRun: boolean) =>
    t
      .http()
      .post('/api/admin/party/archive/imports')
      .set('Authorization', who.auth)
      .field('dryRun', String(dryRun))
      .attach('file', file, '党员.xlsx');

  async function finished(who: Who, id: string): Promise<PartyImportJobVO> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await get(who, `/api/admin/party/archive/imports/${id}`);
      expect(res.status).toBe(200);
      const job = res.body.data as PartyImportJobVO;
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async function run(who: Who, file: Buffer, dryRun: boolean): Promise<PartyImportJobVO> {
    const res = await upload(who, file, dryRun);
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ kind: 'party_members', dryRun });
    return finished(who, res.body.data.id);
  }
  const members = () => ds.getRepository(PartyMember).count();

  const good: Row[] = [
    {
      姓名: '张幸福',
      身份证号: idA,
      所在党组织: '幸福村党支部',
      党员类别: '正式党员',
      入党日期: '2005-07-01',
      转正日期: '2006-07-01',
      职务: '支部委员',
      学历: '大学本科',
    },
    {
      姓名: '赵在外',
      性别: '男',
      出生日期: '1995-06-01',
      手机号: '13900001111',
      所在党组织: '幸福村党支部',
      党员类别: '预备党员',
      入党日期: `${thisYear}-01-02`,
      学历: '高中',
      工作单位: '杭州某公司',
    },
  ];

  it('serves the template with the Chinese headers', async () => {
    const res = await get(secretaryA, '/api/admin/party/archive/imports/template').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(res.body as Buffer);
    expect(rows[0]).toEqual(HEADERS);
  });

  it('a dry run reports every row and column error in Chinese and writes nothing', async () => {
    const before = await members();
    const job = await run(
      secretaryA,
      await xlsx([
        ...good,
        // another branch's resident, an org outside the scope, a bad date, a missing category
        { 姓名: '李和谐', 身份证号: idB, 所在党组织: '幸福村党支部', 党员类别: '正式党员', 入党日期: '2010-01-01' },
        { 姓名: '钱某', 性别: '女', 所在党组织: '和谐村党支部', 党员类别: '正式党员', 入党日期: '2010-01-01' },
        { 姓名: '孙某', 性别: '女', 所在党组织: '幸福村党支部', 党员类别: '正式党员', 入党日期: '2010-13-01' },
        { 姓名: '周某', 性别: '男', 所在党组织: '幸福村党支部', 入党日期: '2010-01-01' },
        { 姓名: '张幸福', 身份证号: idA, 所在党组织: '幸福村党支部', 党员类别: '正式党员', 入党日期: '2005-07-01' },
      ]),
      true,
    );
    expect(job.status).toBe('failed');
    expect(job.importedRows).toBe(0);
    expect(job.errors).toEqual(
      expect.arrayContaining([
        { row: 2, column: '身份证号', message: '与第 8 行重复' },
        expect.objectContaining({ row: 4, column: '身份证号', message: expect.stringContaining('人口库中没有') }),
        expect.objectContaining({
          row: 5,
          column: '所在党组织',
          message: expect.stringContaining('不在您的负责范围内'),
        }),
        { row: 6, column: '入党日期', message: '日期格式应为 YYYY-MM-DD' },
        { row: 7, column: '党员类别', message: '必填' },
      ]),
    );
    expect(job.errors.some((e) => e.row === 3)).toBe(false);
    expect(job.message).toContain('请修改后再导入');
    expect(await members()).toBe(before);
  });

  it('a commit with one bad row writes nothing at all', async () => {
    const before = await members();
    const job = await run(
      secretaryA,
      await xlsx([...good, { 姓名: '错行', 性别: '男', 所在党组织: '幸福村党支部', 党员类别: '正式党员' }]),
      false,
    );
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([{ row: 4, column: '入党日期', message: '必填' }]);
    expect(job.message).toContain('未写入任何数据');
    expect(await members()).toBe(before);
  });

  it('a clean file passes the dry run, then commits every row with its history and one audit record', async () => {
    const file = await xlsx(good);
    const dry = await run(secretaryA, file, true);
    expect(dry).toMatchObject({ status: 'succeeded', importedRows: 2, errorCount: 0 });
    const before = await members();
    const job = await run(secretaryA, file, false);
    expect(job).toMatchObject({ status: 'succeeded', importedRows: 2, message: '已导入 2 行' });
    expect(await members()).toBe(before + 2);
    const list = await get(secretaryA, `/api/admin/party/members?orgId=${branchA.id}`);
    expect(list.body.data.map((m: { name: string }) => m.name).sort()).toEqual(['张幸福', '赵在外'].sort());
    const linked = list.body.data.find((m: { name: string }) => m.name === '张幸福');
    expect(linked).toMatchObject({
      idNumber: '330***********' + idA.slice(-4),
      category: 'full',
      education: 'bachelor',
    });
    const audit = await ds
      .getRepository(AuditLog)
      .findOneByOrFail({ action: 'party.member.import', result: 'success' });
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ rows: 2, linked: 1, standalone: 1 });
    expect(audit.detail).not.toContain(idA);

    // The same file again: both are now on file.
    const again = await run(secretaryA, file, true);
    expect(again.status).toBe('failed');
    expect(again.errors).toEqual([
      { row: 2, column: '身份证号', message: '该居民已有在册的党员档案' },
      { row: 3, column: '姓名', message: '已有同名的镇外党员档案' },
    ]);
  });

  it('another staff member cannot read the job', async () => {
    const res = await upload(secretaryA, await xlsx(good), true);
    const other = await get(admin, `/api/admin/party/archive/imports/${res.body.data.id}`);
    expect(other.status).toBe(404);
    await finished(secretaryA, res.body.data.id);
  });

  it('refuses the import without party:member:manage', async () => {
    expect((await upload(readerA, await xlsx(good), true)).status).toBe(403);
  });

  it('exports the roll masked without person:pii:read, unmasked with it, and audits both', async () => {
    const masked = await get(secretaryA, '/api/admin/party/archive/members.xlsx').buffer(true).parse(binary);
    expect(masked.status).toBe(200);
    const rows = await readXlsx(masked.body as Buffer);
    expect(rows[0]).toEqual(HEADERS);
    const zhang = rows.find((r) => r[0] === '张幸福');
    expect(zhang?.[1]).toBe('330***********' + idA.slice(-4));
    expect(zhang?.[4]).toBe('138****5678');
    expect(rows.flat()).not.toContain(idA);
    const plain = await get(admin, '/api/admin/party/archive/members.xlsx').buffer(true).parse(binary);
    const plainRows = await readXlsx(plain.body as Buffer);
    expect(plainRows.find((r) => r[0] === '张幸福')?.[1]).toBe(idA);
    expect(plainRows.find((r) => r[0] === '赵在外')?.[4]).toBe('13900001111');
    const audits = await ds.getRepository(AuditLog).findBy({ action: 'party.member.export' });
    expect(audits.map((a) => JSON.parse(a.detail ?? '{}').masked).sort()).toEqual([false, true]);
    expect((await get(secretaryA, `/api/admin/party/archive/members.xlsx?orgId=${branchB.id}`)).status).toBe(404);
  });

  it('reports the year on a known fixture, as JSON and as xlsx', async () => {
    // Branch B: one member transferred in this year, one who left this year.
    const add = (body: object) => t.http().post('/api/admin/party/members').set('Authorization', admin.auth).send(body);
    const personB = await registryPerson(t, '吴和谐', villageB, { birthDate: '1950-01-01', gender: 'male' });
    const inB = await add({
      personId: personB.id,
      orgId: branchB.id,
      category: 'full',
      joinedOn: '1980-07-01',
      convertedOn: '1981-07-01',
      transferIn: { on: `${thisYear}-01-01`, letterNo: '转字001', from: '外县党委' },
    });
    expect(inB.status).toBe(201);
    const res = await get(admin, `/api/admin/party/archive/report?year=${thisYear}`);
    expect(res.status).toBe(200);
    const r = res.body.data as PartyAnnualReportVO;
    expect(r).toMatchObject({ year: thisYear, total: 3, newMembers: 1, transfersIn: 1, transfersOut: 0 });
    expect(r.byBranch).toHaveLength(2);
    expect(r.byBranch).toEqual(
      expect.arrayContaining([
        { orgId: branchA.id, orgName: '幸福村党支部', full: 1, probationary: 1, total: 2 },
        { orgId: branchB.id, orgName: '和谐村党支部', full: 1, probationary: 0, total: 1 },
      ]),
    );
    expect(r.bySex.find((c) => c.key === 'male')).toMatchObject({ label: '男', count: 3 });
    expect(r.byAgeBand.find((c) => c.key === 'over_70')?.count).toBe(thisYear - 1950 > 70 ? 1 : 0);
    expect(r.byEducation.filter((c) => c.count > 0).map((c) => c.label)).toEqual(['大学本科', '高中', '未填写']);

    // The secretary of branch A sees branch A only; branch B by id is 404.
    const mine = (await get(secretaryA, `/api/admin/party/archive/report?year=${thisYear}`)).body.data;
    expect(mine).toMatchObject({ total: 2, transfersIn: 0 });
    expect((await get(secretaryA, `/api/admin/party/archive/report?orgId=${branchB.id}`)).status).toBe(404);

    const file = await get(admin, `/api/admin/party/archive/report.xlsx?year=${thisYear}`).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    const rows = await readXlsx(file.body as Buffer);
    expect(rows).toContainEqual(['党员总数', '在册党员', 3]);
    expect(rows).toContainEqual(['按支部', '幸福村党支部', 2, 1, 1]);
    expect(rows).toContainEqual(['本年变动', '从镇外转入', 1]);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'party.report.export' })).toBe(1);
  });

  it('files documents per organisation with the scan; another branch’s documents are 404', async () => {
    const up = await t
      .http()
      .post('/api/admin/party/files')
      .set('Authorization', secretaryA.auth)
      .attach('file', jpeg, { filename: 'scan.jpg', contentType: 'image/jpeg' });
    expect(up.status).toBe(201);
    const post = (who: Who, body: object) =>
      t.http().post('/api/admin/party/documents').set('Authorization', who.auth).send(body);
    const created = await post(secretaryA, {
      orgId: branchA.id,
      number: '幸福党支〔2026〕1号',
      title: '关于召开党员大会的通知',
      publisher: '幸福村党支部',
      issuedOn: '2026-03-01',
      fileId: up.body.data.id,
    });
    expect(created.status).toBe(201);
    const doc = created.body.data as PartyDocumentVO;
    expect(doc).toMatchObject({ orgName: '幸福村党支部', file: expect.objectContaining({ id: up.body.data.id }) });
    const scan = await t.http().get(doc.file?.url ?? '');
    expect(scan.status).toBe(200);

    const refused = await post(secretaryA, {
      orgId: branchB.id,
      number: '1',
      title: 't',
      publisher: 'p',
      issuedOn: '2026-01-01',
    });
    expect(refused.status).toBe(404);
    const missing = await post(secretaryA, {
      orgId: branchA.id,
      number: '',
      title: 't',
      publisher: 'p',
      issuedOn: '2026-01-01',
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('请填写文号');
    const docB = (
      await post(admin, {
        orgId: branchB.id,
        number: '和谐党支〔2026〕1号',
        title: 'B 的文件',
        publisher: '和谐村党支部',
        issuedOn: '2026-02-01',
      })
    ).body.data as PartyDocumentVO;

    const listA = await get(secretaryA, '/api/admin/party/documents');
    expect(listA.body.data.map((d: PartyDocumentVO) => d.id)).toEqual([doc.id]);
    const found = await get(admin, `/api/admin/party/documents?q=${encodeURIComponent('党员大会')}&year=2026`);
    expect(found.body.data.map((d: PartyDocumentVO) => d.id)).toEqual([doc.id]);
    expect((await get(admin, `/api/admin/party/documents?q=${encodeURIComponent('%')}`)).body.data).toEqual([]);
    expect((await get(admin, '/api/admin/party/documents?year=2025')).body.data).toEqual([]);
    const all = await get(admin, `/api/admin/party/documents?orgId=${branchB.id}`);
    expect(all.body.data.map((d: PartyDocumentVO) => d.id)).toEqual([docB.id]);
    expect((await get(secretaryA, `/api/admin/party/documents?orgId=${branchB.id}`)).status).toBe(404);
    const patchB = await t
      .http()
      .patch(`/api/admin/party/documents/${docB.id}`)
      .set('Authorization', secretaryA.auth)
      .send({ title: '改' });
    expect(patchB.status).toBe(404);
    expect(
      (await t.http().delete(`/api/admin/party/documents/${docB.id}`).set('Authorization', secretaryA.auth)).status,
    ).toBe(404);
    const patched = await t
      .http()
      .patch(`/api/admin/party/documents/${doc.id}`)
      .set('Authorization', secretaryA.auth)
      .send({ title: '关于召开第一季度党员大会的通知' });
    expect(patched.body.data.title).toBe('关于召开第一季度党员大会的通知');
    const removed = await t.http().delete(`/api/admin/party/documents/${doc.id}`).set('Authorization', secretaryA.auth);
    expect(removed.status).toBe(204);
    expect((await get(secretaryA, '/api/admin/party/documents')).body.data).toEqual([]);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'party.document.delete' })).toBe(1);
  });

  it('files a document with a PDF (uploaded with kind=document) and serves it back as a sandboxed download', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      'latin1',
    );
    const upload = (path: string) =>
      t
        .http()
        .post(path)
        .set('Authorization', secretaryA.auth)
        .attach('file', pdf, { filename: '通知.pdf', contentType: 'application/pdf' });
    // Without kind=document the party upload stays photo-only.
    expect((await upload('/api/admin/party/files')).status).toBe(415);
    const up = await upload('/api/admin/party/files?kind=document');
    expect(up.status).toBe(201);
    expect(up.body.data).toMatchObject({ mime: 'application/pdf', sizeBytes: pdf.length });
    const created = await t.http().post('/api/admin/party/documents').set('Authorization', secretaryA.auth).send({
      orgId: branchA.id,
      number: '幸福党支〔2026〕2号',
      title: '党员发展工作计划',
      publisher: '幸福村党支部',
      issuedOn: '2026-03-02',
      fileId: up.body.data.id,
    });
    expect(created.status).toBe(201);
    const listed = (await get(secretaryA, '/api/admin/party/documents')).body.data as PartyDocumentVO[];
    const doc = listed.find((d) => d.id === created.body.data.id);
    expect(doc?.file).toMatchObject({ id: up.body.data.id, mime: 'application/pdf', sizeBytes: pdf.length });
    const served = await t
      .http()
      .get(doc?.file?.url ?? '')
      .buffer(true)
      .parse(binary);
    expect(served.status).toBe(200);
    expect(Buffer.compare(served.body as Buffer, pdf)).toBe(0);
    expect(served.headers['content-disposition']).toMatch(/^attachment; /);
    expect(served.headers['content-security-policy']).toBe('sandbox');
    expect(
      (
        await t
          .http()
          .delete(`/api/admin/party/documents/${doc?.id ?? ''}`)
          .set('Authorization', secretaryA.auth)
      ).status,
    ).toBe(204);
  });

  it('the contact book: staff see their scope masked; a member sees their own branch only', async () => {
    const staffList = await get(readerA, '/api/admin/party/contacts');
    expect(staffList.status).toBe(200);
    const names = (staffList.body.data as PartyContactVO[]).map((c) => c.name).sort();
    expect(names).toEqual(['张幸福', '赵在外'].sort());
    expect(staffList.body.data.find((c: PartyContactVO) => c.name === '张幸福')).toMatchObject({
      orgName: '幸福村党支部',
      position: '支部委员',
      phone: '138****5678',
    });
    expect((await get(readerA, `/api/admin/party/contacts?orgId=${branchB.id}`)).status).toBe(404);

    // 赵在外 opens the mini-program: his branch's contacts, never branch B's.
    const first = await mpLogin(t, 'archive-zhao');
    await ds.getRepository(MpUser).update({ id: first.id }, { roles: ['party_member'] });
    const zhao = await mpLogin(t, 'archive-zhao');
    const zhaoFile = await ds
      .getRepository(PartyMember)
      .findOneByOrFail({ orgId: branchA.id, category: 'probationary' });
    const link = await t
      .http()
      .put(`/api/admin/party/members/${zhaoFile.id}/mp-account`)
      .set('Authorization', admin.auth)
      .send({ mpUserId: zhao.id });
    expect(link.status).toBe(204);
    const mine = await t.http().get('/api/mp/party/contacts').set('Authorization', zhao.auth);
    expect(mine.status).toBe(200);
    const contacts = mine.body.data as PartyContactVO[];
    expect(contacts.map((c) => c.name).sort()).toEqual(['张幸福', '赵在外'].sort());
    expect(contacts.every((c) => c.orgId === branchA.id)).toBe(true);
    expect(contacts.find((c) => c.name === '赵在外')?.phone).toBe('139****1111');

    // A party member without a file is told so (404), a resident is refused.
    const loose = await mpLogin(t, 'archive-loose');
    await ds.getRepository(MpUser).update({ id: loose.id }, { roles: ['party_member'] });
    const looseAgain = await mpLogin(t, 'archive-loose');
    expect((await t.http().get('/api/mp/party/contacts').set('Authorization', looseAgain.auth)).status).toBe(404);
    const resident = await mpLogin(t, 'archive-resident');
    expect((await t.http().get('/api/mp/party/contacts').set('Authorization', resident.auth)).status).toBe(403);
  });
});
