import * as ExcelJS from 'exceljs';
import { randomUUID } from 'crypto';
import { idNumberCheckChar } from '@zhili/shared';
import type { ImportJobVO, ImportRowError } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { Household, Person, PersonTag } from '../src/modules/registry';
import { AuditLog } from '../src/core/audit';
import { PiiCipher } from '../src/core/crypto/pii-cipher';

const backend = currentBackend();

const PERSON_HEADERS = [
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '手机号',
  '户籍类型',
  '户籍地址',
  '现住址',
  '所属区域',
  '户编号',
  '与户主关系',
  '标签',
  '来源地',
  '来住日期',
  '居住证状态',
  '备注',
];
const HOUSEHOLD_HEADERS = ['户编号', '户类型', '所属区域', '户主姓名', '户主身份证号', '地址', '承包地及种养情况'];

/** A synthetic ID number with a correct check digit: region 330102, birth date, sequence (odd = male). */
function idOf(birth: string, seq: number): string {
  const first17 = `330102${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
/** The same number with a wrong check character. */
function badCheck(id: string): string {
  const wrong = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + wrong;
}

type Row = Record<string, string>;

async function xlsx(headers: string[], rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe(`registry Excel import on ${backend.name}`, () => {
  let t: TestApp;
  let village: Region;
  let grid1: Region;
  let grid2: Region;
  let otherGrid: Region;
  let admin: StaffWithAuth;
  let colleague: StaffWithAuth;
  let registeredId: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const town = await createRegion(t, '青山镇', 'town');
    village = await createRegion(t, '幸福村', 'village', town);
    grid1 = await createRegion(t, '第一网格', 'grid', village);
    grid2 = await createRegion(t, '第二网格', 'grid', village);
    const other = await createRegion(t, '红星村', 'village', town);
    otherGrid = await createRegion(t, '第一网格', 'grid', other);
    admin = await staffAs(t, { username: 'xf.admin', roles: ['village_admin'], region: village });
    colleague = await staffAs(t, { username: 'xf.colleague', roles: ['village_admin'], region: village });
    // One person already registered (in the other village: duplicates are refused whatever the scope).
    const cipher = await t.get(PiiCipher);
    registeredId = idOf('19700101', 11);
    await (await dataSourceOf(t)).getRepository(Person).insert({
      id: randomUUID(),
      regionId: otherGrid.id,
      scopePath: otherGrid.path,
      name: '王已登',
      gender: 'male',
      birthDate: '1970-01-01',
      idNumber: cipher.seal(registeredId),
      phone: cipher.seal(null),
      hukouType: 'local',
      status: 'active',
    });
  });
  afterAll(async () => {
    await t?.close();
  });
  // Each upload is parsed in a fresh worker thread that loads exceljs: seconds on a busy CI machine.
  jest.setTimeout(120_000);

  const upload = (who: { auth: string }, file: Buffer, kind: string, dryRun: boolean, name = '人员.xlsx') =>
    t
      .http()
      .post('/api/admin/registry/imports')
      .set('Authorization', who.auth)
      .field('kind', kind)
      .field('dryRun', String(dryRun))
      .attach('file', file, name);

  async function finished(who: { auth: string }, id: string): Promise<ImportJobVO> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await t.http().get(`/api/admin/registry/imports/${id}`).set('Authorization', who.auth);
      expect(res.status).toBe(200);
      const job = res.body.data as ImportJobVO;
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function run(file: Buffer, kind: string, dryRun: boolean): Promise<ImportJobVO> {
    const res = await upload(admin, file, kind, dryRun);
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ kind, dryRun, fileName: '人员.xlsx' });
    return finished(admin, res.body.data.id);
  }

  const counts = async () => {
    const ds = await dataSourceOf(t);
    return {
      persons: await ds.getRepository(Person).count(),
      households: await ds.getRepository(Household).count(),
      tags: await ds.getRepository(PersonTag).count(),
    };
  };
  const person = (name: string, id: string, extra: Row = {}): Row => ({
    姓名: name,
    身份证号: id,
    户籍类型: '户籍',
    所属区域: '幸福村/第一网格',
    ...extra,
  });
  const errorsAt = (job: ImportJobVO, row: number) =>
    job.errors.filter((e) => e.row === row).map((e: ImportRowError) => `${e.column}:${e.message}`);

  it('dry run reports every row-level error with row and column, and writes nothing', async () => {
    const before = await counts();
    const a = idOf('19800512', 21);
    const file = await xlsx(PERSON_HEADERS, [
      person('张一', a, { 所属区域: '第一网格', 手机号: '13800138000' }), // row 2: fine (the only 第一网格 in scope)
      person('张二', badCheck(idOf('19810101', 31))), // row 3
      person('张三', idOf('19820101', 41), { 手机号: '1234' }), // row 4
      person('张四', idOf('19830101', 51), { 所属区域: '不存在村/第九网格' }), // row 5
      person('张五', idOf('19840101', 61), { 所属区域: '红星村/第一网格' }), // row 6: out of scope
      person('张六', a), // row 7: same ID as row 2
      person('张七', registeredId), // row 8: already registered
      person('张八', idOf('19850101', 71), { 性别: '女', 出生日期: '1985-01-02' }), // row 9: odd sequence = male, wrong date
      person('张九', idOf('19860101', 81), { 标签: '独居老人、不存在的标签' }), // row 10
      person('张十', idOf('19870101', 91), { 户编号: 'NOPE-1', 与户主关系: '子女' }), // row 11
      { 姓名: '', 身份证号: idOf('19880101', 13), 户籍类型: '户籍', 所属区域: '幸福村' }, // row 12: no name
    ]);
    const job = await run(file, 'persons', true);
    expect(job).toMatchObject({
      status: 'failed',
      dryRun: true,
      totalRows: 11,
      processedRows: 11,
      progress: 100,
      importedRows: 0,
    });
    expect(errorsAt(job, 2)).toEqual(['身份证号:身份证号在文件中重复（第 2 行、第 7 行）']);
    expect(errorsAt(job, 3)).toEqual(['身份证号:身份证号校验位错误']);
    expect(errorsAt(job, 4)).toEqual(['手机号:手机号格式不正确，应为 11 位大陆手机号']);
    expect(errorsAt(job, 5)).toEqual(['所属区域:区域不存在或不在管辖范围内']);
    expect(errorsAt(job, 6)).toEqual(['所属区域:区域不存在或不在管辖范围内']);
    expect(errorsAt(job, 7)).toEqual(['身份证号:身份证号在文件中重复（第 2 行、第 7 行）']);
    expect(errorsAt(job, 8)).toEqual(['身份证号:身份证号已登记']);
    expect(errorsAt(job, 9)).toEqual(['性别:性别与身份证号不符', '出生日期:出生日期与身份证号不符']);
    expect(errorsAt(job, 10)).toEqual(['标签:标签不存在：不存在的标签']);
    expect(errorsAt(job, 11)[0]).toMatch(/^户编号:户编号不存在或不在管辖范围内/);
    expect(errorsAt(job, 12)).toEqual(['姓名:必填']);
    expect(job.errorCount).toBe(job.errors.length);
    expect(await counts()).toEqual(before);
  });

  it('a commit of a file with one bad row writes nothing and is audited as a failure', async () => {
    const before = await counts();
    const file = await xlsx(PERSON_HEADERS, [
      person('李一', idOf('19900101', 15), { 户编号: 'XF-900', 与户主关系: '户主', 标签: '低保户' }),
      person('李二', idOf('19900202', 26), { 户编号: 'XF-900', 与户主关系: '配偶' }),
      person('李三', idOf('19900303', 35), { 手机号: '02512345678' }),
    ]);
    const job = await run(file, 'persons', false);
    expect(job).toMatchObject({ status: 'failed', dryRun: false, importedRows: 0, errorCount: 1, progress: 100 });
    expect(job.errors).toEqual([{ row: 4, column: '手机号', message: '手机号格式不正确，应为 11 位大陆手机号' }]);
    expect(job.message).toContain('未写入任何数据');
    expect(await counts()).toEqual(before);
    const [audit] = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .find({ where: { action: 'registry.import', resourceId: job.id } });
    expect(audit).toMatchObject({ actorId: admin.id, result: 'failure' });
  });

  it('a clean commit writes persons, households and tags in one go; the list shows them masked', async () => {
    const before = await counts();
    const head = idOf('19600307', 17);
    const spouse = idOf('19620808', 28);
    const alone = idOf('19400101', 33);
    const floating = idOf('19950505', 45);
    const file = await xlsx(PERSON_HEADERS, [
      person('赵大', head, { 户编号: 'XF-001', 与户主关系: '户主', 手机号: '13900139000', 现住址: '幸福村 1 号' }),
      person('钱二', spouse, { 户编号: 'XF-001', 与户主关系: '配偶', 性别: '女', 出生日期: '1962/8/8' }),
      person('孙三', alone, { 所属区域: '幸福村/第二网格', 标签: '独居老人、低保户' }),
      person('李四', floating, { 户籍类型: '流动', 来源地: '安徽阜阳', 来住日期: '2024-03-01', 居住证状态: '有效' }),
    ]);
    const job = await run(file, 'persons', false);
    expect(job).toMatchObject({
      status: 'succeeded',
      importedRows: 4,
      totalRows: 4,
      processedRows: 4,
      progress: 100,
      errorCount: 0,
      errors: [],
    });
    expect(await counts()).toEqual({
      persons: before.persons + 4,
      households: before.households + 1,
      tags: before.tags + 2,
    });

    const list = await t
      .http()
      .get('/api/admin/persons')
      .query({ regionId: village.id, pageSize: 100 })
      .set('Authorization', admin.auth);
    expect(list.status).toBe(200);
    const byName = new Map(
      (
        list.body.data as {
          name: string;
          idNumber: string;
          phone: string | null;
          tags: string[];
          householdId: string | null;
          relationToHead: string | null;
          regionId: string;
          hukouType: string;
        }[]
      ).map((p) => [p.name, p]),
    );
    expect([...byName.keys()].sort()).toEqual(['孙三', '李四', '赵大', '钱二'].sort());
    expect(byName.get('赵大')).toMatchObject({
      idNumber: `330***********${head.slice(-4)}`,
      phone: '139****9000',
      relationToHead: 'self',
      regionId: grid1.id,
    });
    expect(byName.get('钱二')?.householdId).toBe(byName.get('赵大')?.householdId);
    expect(byName.get('孙三')).toMatchObject({ regionId: grid2.id, householdId: null });
    expect([...(byName.get('孙三')?.tags ?? [])].sort()).toEqual(['elderly_alone', 'low_income']);
    expect(byName.get('李四')).toMatchObject({ hukouType: 'floating' });

    const ds = await dataSourceOf(t);
    const cipher = await t.get(PiiCipher);
    const stored = await ds.getRepository(Person).findOneByOrFail({ name: '赵大' });
    expect(stored.scopePath).toBe(grid1.path);
    expect(stored.idNumber.cipher).not.toContain(head);
    expect(stored.idNumber.hash).toBe(cipher.hash(head));
    expect(cipher.open(stored.idNumber)).toBe(head);
    const household = await ds.getRepository(Household).findOneByOrFail({ code: 'XF-001' });
    expect(household).toMatchObject({ headPersonId: stored.id, type: 'resident', scopePath: grid1.path });
    const floatingRow = await ds.getRepository(Person).findOneByOrFail({ name: '李四' });
    expect(floatingRow).toMatchObject({ origin: '安徽阜阳', arrivalDate: '2024-03-01', permitStatus: 'valid' });

    const [audit] = await ds.getRepository(AuditLog).find({ where: { action: 'registry.import', resourceId: job.id } });
    expect(audit).toMatchObject({ actorId: admin.id, result: 'success' });
    expect(JSON.parse(audit.detail ?? '{}')).toEqual({ kind: 'persons', rows: 4, persons: 4, households: 1, tags: 2 });
    expect(audit.detail).not.toContain(head.slice(6, 14));
    expect(audit.detail).not.toContain('赵大');
  });

  it('imports households with a registered head, and refuses taken codes and unknown heads', async () => {
    const alone = await (await dataSourceOf(t)).getRepository(Person).findOneByOrFail({ name: '孙三' });
    const aloneId = (await t.get(PiiCipher)).open(alone.idNumber) as string;
    const bad = await xlsx(HOUSEHOLD_HEADERS, [
      { 户编号: 'XF-001', 户类型: '常住户', 所属区域: '幸福村/第一网格' },
      {
        户编号: 'XF-300',
        户类型: '空壳户',
        所属区域: '幸福村/第二网格',
        户主姓名: '王已登',
        户主身份证号: registeredId,
      },
      { 户编号: 'XF-301', 户类型: '别的户', 所属区域: '幸福村/第二网格' },
    ]);
    const failed = await run(bad, 'households', true);
    expect(failed.errors).toEqual([
      { row: 2, column: '户编号', message: '户编号已存在' },
      { row: 3, column: '户主身份证号', message: '户主未登记或不在管辖范围内' },
      { row: 4, column: '户类型', message: '应为 常住户/流动户/空壳户 之一' },
    ]);

    const good = await xlsx(HOUSEHOLD_HEADERS, [
      {
        户编号: 'XF-200',
        户类型: '常住户',
        所属区域: '幸福村/第二网格',
        户主姓名: '孙三',
        户主身份证号: aloneId,
        承包地及种养情况: '承包地 3 亩，种植水稻',
      },
      { 户编号: 'XF-201', 户类型: '空壳户', 所属区域: '幸福村/第二网格', 地址: '幸福村 9 号' },
    ]);
    const job = await run(good, 'households', false);
    expect(job).toMatchObject({ status: 'succeeded', importedRows: 2, progress: 100 });
    const ds = await dataSourceOf(t);
    const created = await ds.getRepository(Household).findOneByOrFail({ code: 'XF-200' });
    expect(created).toMatchObject({
      headPersonId: alone.id,
      type: 'resident',
      scopePath: grid2.path,
      landNote: '承包地 3 亩，种植水稻',
    });
    expect(await ds.getRepository(Person).findOneByOrFail({ id: alone.id })).toMatchObject({
      householdId: created.id,
      relationToHead: 'self',
    });
    expect(await ds.getRepository(Household).findOneByOrFail({ code: 'XF-201' })).toMatchObject({
      type: 'empty',
      headPersonId: null,
    });
  });

  it('reports progress up to 100 on a larger file and writes it in batches within one commit', async () => {
    const before = await counts();
    const size = 1500;
    const rows = Array.from({ length: size }, (_, i) =>
      person(
        `批量${i}`,
        idOf(
          `2001${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`,
          100 + Math.floor(i / 12),
        ),
        {
          户编号: `PL-${Math.floor(i / 3)}`,
          与户主关系: i % 3 === 0 ? '户主' : '子女',
          标签: i % 5 === 0 ? '留守儿童' : '',
        },
      ),
    );
    const res = await upload(admin, await xlsx(PERSON_HEADERS, rows), 'persons', false);
    expect(res.status).toBe(202);
    const seen: number[] = [];
    for (;;) {
      const job = (
        await t.http().get(`/api/admin/registry/imports/${res.body.data.id}`).set('Authorization', admin.auth)
      ).body.data as ImportJobVO;
      seen.push(job.progress);
      if (job.status === 'succeeded' || job.status === 'failed') {
        expect(job).toMatchObject({
          status: 'succeeded',
          totalRows: size,
          processedRows: size,
          importedRows: size,
          progress: 100,
        });
        break;
      }
      expect(job.progress).toBeLessThan(100);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await counts()).toEqual({
      persons: before.persons + size,
      households: before.households + size / 3,
      tags: before.tags + size / 5,
    });
  }, 60_000);

  it('lets only the user who started a job poll it', async () => {
    const file = await xlsx(PERSON_HEADERS, [person('周一', idOf('19770707', 57))]);
    const res = await upload(admin, file, 'persons', true);
    expect(res.status).toBe(202);
    await finished(admin, res.body.data.id);
    const foreign = await t
      .http()
      .get(`/api/admin/registry/imports/${res.body.data.id}`)
      .set('Authorization', colleague.auth);
    expect(foreign.status).toBe(404);
    const unknown = await t
      .http()
      .get('/api/admin/registry/imports/00000000-0000-0000-0000-000000000000')
      .set('Authorization', admin.auth);
    expect(unknown.status).toBe(404);
  });

  it('refuses files that are not xlsx, lack required columns, or are too large; and callers without person:manage', async () => {
    const text = await upload(admin, Buffer.from('姓名,身份证号\n张三,1'), 'persons', true);
    expect(text.status).toBe(400);
    expect(text.body.error.code).toBe('IMPORT_FILE_INVALID');
    const fakeZip = await upload(
      admin,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]),
      'persons',
      true,
    );
    expect(fakeZip.body.error.code).toBe('IMPORT_FILE_INVALID');
    const noColumns = await upload(admin, await xlsx(['姓名', '手机号'], [{ 姓名: '张三' }]), 'persons', true);
    expect(noColumns.status).toBe(400);
    expect(noColumns.body.error).toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      message: expect.stringContaining('身份证号'),
    });
    const badKind = await upload(
      admin,
      await xlsx(PERSON_HEADERS, [person('张三', idOf('19800101', 19))]),
      'cars',
      true,
    );
    expect(badKind.status).toBe(400);
    const huge = await upload(admin, Buffer.alloc(10 * 1024 * 1024 + 1024, 1), 'persons', true);
    expect(huge.status).toBe(413);
    const worker = await staffAs(t, { username: 'xf.worker', roles: ['grid_worker'], region: village });
    expect((await upload(worker, await xlsx(PERSON_HEADERS, []), 'persons', true)).status).toBe(403);
  });

  it('round-trips the downloaded template: headers, drop-downs, notes, and filled rows import', async () => {
    const res = await t
      .http()
      .get('/api/admin/registry/imports/template')
      .query({ kind: 'persons' })
      .set('Authorization', admin.auth)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ExcelJS.Buffer);
    const [data, notes] = wb.worksheets;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(PERSON_HEADERS);
    expect(data.rowCount).toBe(2); // header + example row
    expect(data.getCell('C5').dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(data.getCell('F5').dataValidation).toMatchObject({ type: 'list', formulae: ['"户籍,流动"'] });
    expect(notes.name).toBe('填写说明');

    const id = idOf('19910909', 63);
    data.addRow(
      PERSON_HEADERS.map(
        (h) => person('吴模板', id, { 所属区域: '幸福村/第二网格', 性别: '男', 标签: '退役军人' })[h] ?? null,
      ),
    );
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await run(filled, 'persons', true);
    expect(dry).toMatchObject({ status: 'succeeded', totalRows: 1, importedRows: 1, errors: [] });
    const job = await run(filled, 'persons', false);
    expect(job).toMatchObject({ status: 'succeeded', importedRows: 1 });
    const list = await t.http().get('/api/admin/persons').query({ q: '吴模板' }).set('Authorization', admin.auth);
    expect(list.body.data).toEqual([
      expect.objectContaining({ name: '吴模板', regionId: grid2.id, tags: ['veteran'] }),
    ]);

    const households = await t
      .http()
      .get('/api/admin/registry/imports/template')
      .query({ kind: 'households' })
      .set('Authorization', admin.auth)
      .buffer(true)
      .parse(binary);
    const hw = new ExcelJS.Workbook();
    await hw.xlsx.load(households.body as ExcelJS.Buffer);
    expect((hw.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HOUSEHOLD_HEADERS);
    expect(hw.worksheets[0].getCell('B3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"常住户,流动户,空壳户"'],
    });
  });
});
