import * as ExcelJS from 'exceljs';
import type { BankQuestionVO, QuestionImportJobVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { examWorld, type ExamWorld, type Who } from './support/exam-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();

const HEADERS = [
  '分类',
  '题型',
  '难度',
  '题干',
  '选项A',
  '选项B',
  '选项C',
  '选项D',
  '选项E',
  '选项F',
  '正确答案',
  '解析',
];
type Row = Partial<Record<(typeof HEADERS)[number], string>>;

async function xlsx(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('题目');
  ws.addRow(HEADERS);
  for (const row of rows) ws.addRow(HEADERS.map((h) => row[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const good: Row[] = [
  {
    分类: '党章',
    题型: '单选题',
    题干: '党的根本组织原则是',
    选项A: '民主集中制',
    选项B: '集体领导',
    正确答案: 'A',
    解析: '党章总纲',
  },
  {
    分类: '党章',
    题型: '多选题',
    难度: '较难',
    题干: '党员的义务有',
    选项A: '学习',
    选项B: '宣传',
    选项C: '经商',
    正确答案: 'A,B',
  },
  { 分类: '党史', 题型: '判断题', 题干: '遵义会议召开于1935年', 正确答案: '对' },
  { 分类: '党史', 题型: '填空题', 题干: '党的一大在____召开', 正确答案: '上海|上海市' },
];

/** Question import on the registry's engine: template, dry run with each bad row's Chinese reason, commit. */
describe(`exam question import on ${backend.name}`, () => {
  let t: TestApp;
  let w: ExamWorld;
  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);

  async function run(who: Who, file: Buffer, dryRun: boolean, orgId: string): Promise<QuestionImportJobVO> {
    const res = await t
      .http()
      .post('/api/admin/exam/imports')
      .set('Authorization', who.auth)
      .field('dryRun', String(dryRun))
      .field('orgId', orgId)
      .attach('file', file, '题目.xlsx');
    if (res.status !== 202) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await get(who, `/api/admin/exam/imports/${res.body.data.id}`)).body.data as QuestionImportJobVO;
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      if (Date.now() > deadline) throw new Error(`import still ${job.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const bank = async (who: Who) =>
    (await get(who, '/api/admin/exam/questions?pageSize=100')).body.data as BankQuestionVO[];

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    w = await examWorld(t, 'im');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('serves the template with the Chinese headers', async () => {
    const res = await get(w.secretaryA, '/api/admin/exam/import-template').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    expect(
      (wb.worksheets[0].getRow(1).values as unknown[])
        .slice(1)
        .map(String)
        .map((h) => h.replace(/\*$/, '')),
    ).toEqual(HEADERS.map((h) => expect.stringContaining(h)));
  });

  it('a dry run lists every bad row with a Chinese reason and writes nothing', async () => {
    const bad: Row[] = [
      ...good,
      { 分类: '党章', 题型: '单选题', 题干: '两个答案', 选项A: '甲', 选项B: '乙', 正确答案: 'AB' },
      { 分类: '党章', 题型: '单选题', 题干: '没有的选项', 选项A: '甲', 选项B: '乙', 正确答案: 'D' },
      { 分类: '党史', 题型: '判断题', 题干: '答案不清', 正确答案: '也许' },
      { 分类: '党史', 题型: '问答题', 题干: '题型不对', 正确答案: '略' },
      { 分类: '党史', 题型: '填空题', 正确答案: '略' },
    ];
    const job = await run(w.secretaryA, await xlsx(bad), true, w.branchA.id);
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      { row: 6, column: '正确答案', message: '单选题须有且只有 1 个正确选项' },
      { row: 7, column: '正确答案', message: '答案 D 没有对应的选项' },
      { row: 8, column: '正确答案', message: '判断题的答案应为 对 或 错' },
      { row: 9, column: '题型', message: expect.stringContaining('应为 单选题/多选题/判断题/填空题') },
      { row: 10, column: '题干', message: '必填' },
    ]);
    expect(await bank(w.secretaryA)).toEqual([]);
  });

  it('a clean file passes the dry run, then commits into the chosen branch', async () => {
    const file = await xlsx(good);
    const dry = await run(w.secretaryA, file, true, w.branchA.id);
    expect(dry).toMatchObject({ status: 'succeeded', importedRows: 4 });
    expect(await bank(w.secretaryA)).toEqual([]);
    const done = await run(w.secretaryA, file, false, w.branchA.id);
    expect(done).toMatchObject({ status: 'succeeded', importedRows: 4 });
    const questions = await bank(w.secretaryA);
    expect(questions).toHaveLength(4);
    const multiple = questions.find((q) => q.type === 'multiple');
    expect(multiple).toMatchObject({ difficulty: 'hard', key: { type: 'multiple', options: ['A', 'B'] } });
    expect(questions.find((q) => q.type === 'fill')?.blanks).toEqual([['上海', '上海市']]);
    // Another branch neither sees them nor may import into this branch.
    expect(await bank(w.secretaryB)).toEqual([]);
    const res = await t
      .http()
      .post('/api/admin/exam/imports')
      .set('Authorization', w.secretaryB.auth)
      .field('dryRun', 'true')
      .field('orgId', w.branchA.id)
      .attach('file', file, '题目.xlsx');
    expect(res.status).toBe(400);
  });
});
