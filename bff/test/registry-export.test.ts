import * as ExcelJS from 'exceljs';
import { randomUUID } from 'crypto';
import { idNumberCheckChar, maskIdNumber, maskPhone, registryLimits } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { Household, Person, PersonTag } from '../src/modules/registry';
import { AuditLog } from '../src/core/audit';
import { PiiCipher } from '../src/core/crypto/pii-cipher';

const backend = currentBackend();

function idOf(birth: string, seq: number): string {
  const first17 = `330102${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The sheet's rows as text, header first. */
async function sheetOf(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

interface Seeded {
  name: string;
  id: string;
  phone: string;
}

describe(`registry Excel export on ${backend.name}`, () => {
  let t: TestApp;
  let town: Region;
  let xfGrid: Region;
  let xf: Region;
  let hx: Region;
  let xfAdmin: StaffWithAuth;
  const xfPeople: Seeded[] = [
    { name: '赵一', id: idOf('19500101', 11), phone: '13800000001' },
    { name: '钱二', id: idOf('19600202', 22), phone: '13800000002' },
    { name: '孙三', id: idOf('19700303', 33), phone: '13800000003' },
  ];
  const hxPeople: Seeded[] = [{ name: '李外村', id: idOf('19800404', 44), phone: '13900000004' }];

  async function seed(region: Region, people: Seeded[], tagFirst: string | null, householdCode: string): Promise<void> {
    const ds = await dataSourceOf(t);
    const cipher = await t.get(PiiCipher);
    const householdId = randomUUID();
    // Ids kept apart: TypeORM may write generated values back onto inserted entities out of order.
    const ids = people.map(() => randomUUID());
    const persons = people.map((p, i) =>
      Object.assign(new Person(), {
        id: ids[i],
        regionId: region.id,
        scopePath: region.path,
        name: p.name,
        gender: 'male',
        birthDate: `${p.id.slice(6, 10)}-${p.id.slice(10, 12)}-${p.id.slice(12, 14)}`,
        idNumber: cipher.seal(p.id),
        phone: cipher.seal(p.phone),
        hukouType: 'local',
        status: 'active',
        householdId,
        relationToHead: i === 0 ? 'self' : 'child',
      }),
    );
    await ds.getRepository(Person).insert(persons);
    await ds.getRepository(Household).insert({
      id: householdId,
      code: householdCode,
      type: 'resident',
      regionId: region.id,
      scopePath: region.path,
      headPersonId: ids[0],
      address: `${region.name} 1 号`,
    });
    if (tagFirst)
      await ds
        .getRepository(PersonTag)
        .insert({ personId: ids[0], tagCode: tagFirst, scopePath: region.path, taggedAt: new Date() });
  }

  beforeAll(async () => {
    t = await startTestApp(backend);
    town = await createRegion(t, '青山镇', 'town');
    xf = await createRegion(t, '幸福村', 'village', town);
    xfGrid = await createRegion(t, '第一网格', 'grid', xf);
    hx = await createRegion(t, '红星村', 'village', town);
    const hxGrid = await createRegion(t, '第一网格', 'grid', hx);
    await seed(xfGrid, xfPeople, 'elderly_alone', 'XF-001');
    await seed(hxGrid, hxPeople, null, 'HX-001');
    xfAdmin = await staffAs(t, { username: 'xf.exporter', roles: ['village_admin'], region: xf });
  });
  afterAll(async () => {
    await t?.close();
  });
  // Starting the app and seeding take longer than Jest's default on a busy CI machine.
  jest.setTimeout(120_000);

  const exportOf = (who: { auth: string }, what: 'persons' | 'households', query: Record<string, string> = {}) =>
    t
      .http()
      .get(`/api/admin/registry/exports/${what}`)
      .query(query)
      .set('Authorization', who.auth)
      .buffer(true)
      .parse(binary);

  it('exports the caller’s persons only, with ID numbers and phones masked, as a named download', async () => {
    const res = await exportOf(xfAdmin, 'persons');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="persons-\d{8}\.xlsx"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(res.headers['content-disposition'].split("UTF-8''")[1])).toMatch(
      /^人员导出-\d{8}\.xlsx$/,
    );
    const [header, ...rows] = await sheetOf(res.body as Buffer);
    expect(header.slice(0, 6)).toEqual(['姓名', '身份证号（脱敏）', '性别', '出生日期', '年龄', '手机号（脱敏）']);
    expect(rows.map((r) => r[0]).sort()).toEqual(xfPeople.map((p) => p.name).sort());
    for (const p of xfPeople) {
      const row = rows.find((r) => r[0] === p.name) as string[];
      expect(row[1]).toBe(maskIdNumber(p.id));
      expect(row[5]).toBe(maskPhone(p.phone));
      expect(row[9]).toBe('青山镇/幸福村/第一网格');
      expect(row[10]).toBe('XF-001');
    }
    const everything = rows.flat().join('|');
    for (const p of [...xfPeople, ...hxPeople]) {
      expect(everything).not.toContain(p.id);
      expect(everything).not.toContain(p.phone);
    }
    expect(everything).not.toContain('李外村');
    expect(rows.find((r) => r[0] === '赵一')?.[12]).toBe('独居老人');
  });

  it('applies the list filters and audits the export with filters and row count, never a searched number', async () => {
    const tagged = await exportOf(xfAdmin, 'persons', { tag: 'elderly_alone' });
    expect((await sheetOf(tagged.body as Buffer)).slice(1).map((r) => r[0])).toEqual(['赵一']);
    const exact = await exportOf(xfAdmin, 'persons', { q: xfPeople[1].id });
    expect((await sheetOf(exact.body as Buffer)).slice(1).map((r) => r[0])).toEqual(['钱二']);
    const [audit] = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .find({ where: { action: 'registry.export' }, order: { seq: 'DESC' }, take: 1 });
    expect(audit).toMatchObject({ actorId: xfAdmin.id, resourceType: 'person', result: 'success' });
    const detail = JSON.parse(audit.detail ?? '{}');
    expect(detail).toMatchObject({ kind: 'persons', rows: 1, filters: { q: '[证件号/手机号]' } });
    expect(audit.detail).not.toContain(xfPeople[1].id);
  });

  it('refuses a region outside the scope and callers without data:export', async () => {
    expect((await exportOf(xfAdmin, 'persons', { regionId: hx.id })).status).toBe(404);
    const worker = await staffAs(t, { username: 'xf.viewer', roles: ['grid_worker'], region: xf });
    expect((await exportOf(worker, 'persons')).status).toBe(403);
    expect((await exportOf(worker, 'households')).status).toBe(403);
  });

  it('exports households in scope with the head’s numbers masked, audited', async () => {
    const res = await exportOf(xfAdmin, 'households');
    expect(res.status).toBe(200);
    const [header, ...rows] = await sheetOf(res.body as Buffer);
    expect(header.slice(0, 5)).toEqual(['户编号', '户类型', '所属区域', '户主姓名', '户主身份证号（脱敏）']);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 8)).toEqual([
      'XF-001',
      '常住户',
      '青山镇/幸福村/第一网格',
      '赵一',
      maskIdNumber(xfPeople[0].id),
      maskPhone(xfPeople[0].phone),
      '第一网格 1 号',
      '3',
    ]);
    const byHead = await exportOf(xfAdmin, 'households', { q: '赵' });
    expect((await sheetOf(byHead.body as Buffer)).slice(1).map((r) => r[0])).toEqual(['XF-001']);
    const none = await exportOf(xfAdmin, 'households', { q: '钱' });
    expect(await sheetOf(none.body as Buffer)).toHaveLength(1);
    const [audit] = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .find({ where: { action: 'registry.export', resourceType: 'household' }, order: { seq: 'ASC' }, take: 1 });
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ kind: 'households', rows: 1 });
  });

  it('neutralises formula injection: text cells starting with = + - @ tab or CR get a leading apostrophe', async () => {
    const ds = await dataSourceOf(t);
    const cipher = await t.get(PiiCipher);
    const lab = await createRegion(t, '公式村', 'village', town);
    // Within the 32-character name column (MariaDB enforces it).
    const hyperlink = '=HYPERLINK("http://e.cn",B2)';
    const names = [hyperlink, '+1+cmd|calc', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '正常=名字'];
    await ds.getRepository(Person).insert(
      names.map((name, i) => ({
        id: randomUUID(),
        regionId: lab.id,
        scopePath: lab.path,
        name,
        gender: 'male' as const,
        birthDate: null,
        idNumber: cipher.seal(idOf('19900101', 500 + i)),
        phone: cipher.seal(null),
        hukouType: 'local' as const,
        status: 'active' as const,
        note: i === 0 ? '=1+2' : null,
      })),
    );
    await ds.getRepository(Household).insert({
      id: randomUUID(),
      code: '=HX()',
      type: 'resident',
      regionId: lab.id,
      scopePath: lab.path,
      headPersonId: null,
      address: '-1 号',
    });
    const admin = await staffAs(t, { username: 'formula.admin', roles: ['village_admin'], region: lab });
    const res = await exportOf(admin, 'persons');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const cells: ExcelJS.CellValue[] = [];
    wb.worksheets[0].eachRow((row, n) => {
      if (n > 1) cells.push(row.getCell(1).value, row.getCell(18).value);
    });
    // Every cell is plain text (never a formula object) and every trigger is prefixed.
    for (const v of cells) expect(v === null || typeof v === 'string').toBe(true);
    const written = new Set(cells.filter((v): v is string => typeof v === 'string'));
    // XML readers normalise a CR to LF, so the CR case is compared as read back.
    for (const name of names.slice(0, 6)) expect(written).toContain(`'${name}`.replace(/\r/g, '\n'));
    expect(written).toContain('正常=名字');
    expect(written).toContain("'=1+2");
    const households = await sheetOf((await exportOf(admin, 'households')).body as Buffer);
    expect(households[1].slice(0, 1)).toEqual(["'=HX()"]);
    expect(households[1][6]).toBe("'-1 号");
  });

  it('answers EXPORT_TOO_LARGE beyond the row limit', async () => {
    const big = await createRegion(t, '大户村', 'village', town);
    const ds = await dataSourceOf(t);
    const empty = { cipher: null, keyId: null, hash: null };
    const rows = Array.from({ length: registryLimits.exportRows.max + 1 }, (_, i) => ({
      id: randomUUID(),
      regionId: big.id,
      scopePath: big.path,
      name: `人${i}`,
      gender: 'female' as const,
      birthDate: null,
      idNumber: empty,
      phone: empty,
      hukouType: 'local' as const,
      status: 'active' as const,
    }));
    for (let i = 0; i < rows.length; i += 500) await ds.getRepository(Person).insert(rows.slice(i, i + 500));
    const bigAdmin = await staffAs(t, { username: 'big.admin', roles: ['village_admin'], region: big });
    const res = await t.http().get('/api/admin/registry/exports/persons').set('Authorization', bigAdmin.auth);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('EXPORT_TOO_LARGE');
    // The same caller narrowing the filters gets a file.
    const narrowed = await exportOf(bigAdmin, 'persons', { q: '人4999' });
    expect(narrowed.status).toBe(200);
    expect(
      (await sheetOf(narrowed.body as Buffer))
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['人4999', ...Array.from({ length: 10 }, (_, i) => `人4999${i}`)].sort());
  }, 120_000);
});
