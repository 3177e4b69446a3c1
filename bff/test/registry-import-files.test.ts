import * as ExcelJS from 'exceljs';
import { randomBytes } from 'crypto';
import { idNumberCheckChar } from '@zhili/shared';
import type { ImportJobVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import { sheetXml, xlsxParts, zipOf } from './support/zip-writer';

const backend = currentBackend();
const MB = 1024 * 1024;
const EXAMPLE_MARK = '示例行，导入时自动跳过';
const PERSON_HEADERS = ['姓名', '身份证号', '户籍类型', '所属区域'];

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
function idOf(birth: string, seq: number): string {
  const first17 = `330102${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/**
 * Files the importer must refuse before they cost memory or time (zip bombs, oversized cells),
 * and the import template's example, which must pass a dry run in the demo town's naming.
 */
describe(`registry import files on ${backend.name}`, () => {
  let t: TestApp;
  let admin: StaffWithAuth;

  beforeAll(async () => {
    t = await startTestApp(backend);
    // The demo town's naming: grid names repeat their village's name.
    const town = await createRegion(t, '示范镇', 'town');
    const village = await createRegion(t, '西塘村', 'village', town);
    await createRegion(t, '西塘村第一网格', 'grid', village);
    await createRegion(t, '西塘村第二网格', 'grid', village);
    const other = await createRegion(t, '东山村', 'village', town);
    await createRegion(t, '东山村第一网格', 'grid', other);
    admin = await staffAs(t, { username: 'xt.admin', roles: ['village_admin'], region: village });
  });
  afterAll(async () => {
    await t?.close();
  });
  // Each upload starts a parse worker, which loads exceljs: seconds on a busy CI machine.
  jest.setTimeout(120_000);

  const upload = (file: Buffer, kind: string, dryRun: boolean) =>
    t
      .http()
      .post('/api/admin/registry/imports')
      .set('Authorization', admin.auth)
      .field('kind', kind)
      .field('dryRun', String(dryRun))
      .attach('file', file, '导入.xlsx');

  async function finished(id: string): Promise<ImportJobVO> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const job = (await t.http().get(`/api/admin/registry/imports/${id}`).set('Authorization', admin.auth)).body
        .data as ImportJobVO;
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async function run(file: Buffer, kind: string, dryRun: boolean): Promise<ImportJobVO> {
    const res = await upload(file, kind, dryRun);
    expect([res.status, res.body.error]).toEqual([202, undefined]);
    return finished(res.body.data.id);
  }
  async function template(kind: 'persons' | 'households'): Promise<ExcelJS.Workbook> {
    const res = await t
      .http()
      .get('/api/admin/registry/imports/template')
      .query({ kind })
      .set('Authorization', admin.auth)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ExcelJS.Buffer);
    return wb;
  }
  /** The template's example row turned into a data row (its 示例 mark removed). */
  function unmarkExample(wb: ExcelJS.Workbook): void {
    wb.worksheets[0].getRow(2).eachCell((cell) => {
      if (cell.value === EXAMPLE_MARK) cell.value = null;
    });
  }
  const headerIndex = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);

  it('puts the template’s example in a region of the caller’s scope, written as the export writes it, and it passes a dry run', async () => {
    const persons = await template('persons');
    const ws = persons.worksheets[0];
    expect(ws.getRow(2).getCell(headerIndex(ws, '所属区域')).value).toBe('示范镇/西塘村/西塘村第一网格');
    // As downloaded, the example row is skipped: there is nothing to import yet.
    const untouched = await upload(Buffer.from(await persons.xlsx.writeBuffer()), 'persons', true);
    expect(untouched.body.error).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: '文件中没有数据行' });
    unmarkExample(persons);
    const dry = await run(Buffer.from(await persons.xlsx.writeBuffer()), 'persons', true);
    expect(dry).toMatchObject({ status: 'succeeded', totalRows: 1, errorCount: 0, errors: [] });

    const households = await template('households');
    expect(households.worksheets[0].getRow(2).getCell(headerIndex(households.worksheets[0], '所属区域')).value).toBe(
      '示范镇/西塘村/西塘村第一网格',
    );
    unmarkExample(households);
    const hDry = await run(Buffer.from(await households.xlsx.writeBuffer()), 'households', true);
    expect(hDry).toMatchObject({ status: 'succeeded', totalRows: 1, errorCount: 0, errors: [] });
  });

  it('reads one region notation: the export’s full path, a path relative to the scope, a unique tail; never another village', async () => {
    const book = async (regions: string[]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('人员');
      ws.addRow(PERSON_HEADERS);
      regions.forEach((region, i) => ws.addRow([`区域${i}`, idOf('19700101', 200 + i), '户籍', region]));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const inScope = ['示范镇/西塘村/西塘村第二网格', '西塘村/西塘村第二网格', '西塘村第二网格'];
    const job = await run(
      await book([...inScope, '东山村/东山村第一网格', '示范镇/东山村/东山村第一网格']),
      'persons',
      false,
    );
    expect(job.errors).toEqual([
      { row: 5, column: '所属区域', message: '区域不存在或不在管辖范围内' },
      { row: 6, column: '所属区域', message: '区域不存在或不在管辖范围内' },
    ]);

    // Committed from the three rows in scope, exported: the export writes exactly the template's notation.
    expect(await run(await book(inScope), 'persons', false)).toMatchObject({
      status: 'succeeded',
      importedRows: 3,
      errors: [],
    });
    const exported = await t
      .http()
      .get('/api/admin/registry/exports/persons')
      .set('Authorization', admin.auth)
      .buffer(true)
      .parse(binary);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(exported.body as ExcelJS.Buffer);
    const sheet = out.worksheets[0];
    const regionCol = headerIndex(sheet, '所属区域');
    const written = new Set<unknown>();
    sheet.eachRow((row, n) => {
      if (n > 1) written.add(row.getCell(regionCol).value);
    });
    expect([...written]).toEqual(['示范镇/西塘村/西塘村第二网格']);
  });

  it('refuses a zip bomb (60 KB expanding to a 50 MB cell) with 413 before parsing it, and stays responsive', async () => {
    const bomb = zipOf(xlsxParts(sheetXml([PERSON_HEADERS, ['张三', 'A'.repeat(50 * MB), '户籍', '西塘村第一网格']])));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const res = await upload(bomb, 'persons', true);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'FILE_TOO_COMPLEX', message: expect.stringContaining('压缩炸弹') });
    expect((await t.http().get('/api/health')).status).toBe(200);
  });

  it('refuses a central directory that under-declares a part, and a cell longer than Excel allows', async () => {
    const liar = zipOf(
      xlsxParts(sheetXml([PERSON_HEADERS, ['张三', 'B'.repeat(3 * MB), '户籍', '西塘村第一网格']]), 2048),
    );
    const lied = await upload(liar, 'persons', true);
    expect([400, 413]).toContain(lied.status);
    expect(['IMPORT_FILE_INVALID', 'FILE_TOO_COMPLEX']).toContain(lied.body.error.code);

    // Random text barely compresses, so no ratio check catches it: the cell cap does.
    const long = randomBytes(30_000).toString('base64');
    const cell = await upload(
      zipOf(xlsxParts(sheetXml([PERSON_HEADERS, ['张三', long, '户籍', '西塘村第一网格']]))),
      'persons',
      true,
    );
    expect(cell.status).toBe(413);
    expect(cell.body.error).toMatchObject({ code: 'FILE_TOO_COMPLEX', message: expect.stringContaining('32767') });
  });

  it('accepts a hand-made workbook of the same structure without the bomb', async () => {
    const file = zipOf(
      xlsxParts(sheetXml([PERSON_HEADERS, ['手工', idOf('19800808', 301), '户籍', '西塘村第一网格']])),
    );
    expect(await run(file, 'persons', true)).toMatchObject({ status: 'succeeded', totalRows: 1, errors: [] });
  });
});
