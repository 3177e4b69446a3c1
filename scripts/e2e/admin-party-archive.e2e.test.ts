import * as ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { PartyOrgVO } from '@zhili/shared';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';
import { newTestBranch, StaffApi, townPartyStaff } from './support/party-staff';
import { settledScreenshot } from './support/settle';

const describeBrowser = browserAvailable() ? describe : describe.skip;

const HEADERS = ['姓名', '性别', '出生日期', '手机号', '所在党组织', '党员类别', '入党日期', '转正日期', '学历'];

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员');
  ws.addRow(HEADERS);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 电子信息库 in the portal: the member import wizard (a dry run listing row and column errors, then a
 * clean file checked and committed after confirming), the annual report, and the document cabinet
 * with a document and its PDF filed through its dialog.
 */
describeBrowser('admin party electronic archive', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let branch: PartyOrgVO;
  const branchName = '档案测试党支部';

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    let api: StaffApi;
    ({ page, api } = await townPartyStaff(stack, browser, 'archive.e2e'));
    branch = await newTestBranch(api, branchName);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('lists the row and column errors of a dry run, then checks and imports a clean file', async () => {
    await page.goto(`${stack.bffUrl}/admin/party/archive/import`);
    await page.getByTestId('party-import-page').waitFor();
    const input = page.getByTestId('import-upload').locator('input[type=file]');
    await input.setInputFiles({
      name: '党员-有错误.xlsx',
      mimeType: XLSX,
      buffer: await workbook([
        ['陈档案', '男', '1985-04-01', '13700001111', branchName, '正式党员', '2010-07-01', '2011-07-01', '大学本科'],
        ['刘档案', '女', '1992-09-09', '1370000', branchName, '预备党员', '2026-13-01', null, '高中'],
        ['周档案', '男', null, null, '不存在的党支部', '正式党员', '2001-07-01', null, null],
      ]),
    });
    await page.getByTestId('import-dry-run').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: 60_000 });
    const cells = await errors
      .locator('.el-table__body tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())),
      );
    expect(cells.map((c) => `${c[0]} ${c[1]}`)).toEqual(['3 手机号', '3 入党日期', '4 所在党组织']);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.mouse.move(0, 0);
    await settledScreenshot(page, 'admin-party-import-errors');

    await page.getByTestId('import-upload').locator('.el-upload-list__item').first().hover();
    await input.setInputFiles({
      name: '党员.xlsx',
      mimeType: XLSX,
      buffer: await workbook([
        ['陈档案', '男', '1985-04-01', '13700001111', branchName, '正式党员', '2010-07-01', '2011-07-01', '大学本科'],
        ['刘档案', '女', '1992-09-09', '13700002222', branchName, '预备党员', '2026-01-05', null, '高中'],
      ]),
    });
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-check-ok').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    await page.getByRole('dialog', { name: '确认导入' }).getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-result').textContent()).toContain('已导入 2 名党员');
    await page.mouse.move(0, 0);
    await settledScreenshot(page, 'admin-party-import-done');
  });

  it('shows the annual report with the imported members', async () => {
    await page.goto(`${stack.bffUrl}/admin/party/archive/report?orgId=${branch.id}`);
    const total = page.getByTestId('party-report-total');
    await total.getByText(branchName).waitFor();
    expect(await total.textContent()).toMatch(/在册党员\s*2\s*名/);
    await settledScreenshot(page, 'admin-party-report');
  });

  it('files a document in the cabinet through its dialog and lists it under the organisation', async () => {
    await page.goto(`${stack.bffUrl}/admin/party/documents`);
    await page.getByTestId('party-documents-table').waitFor();
    await page.getByTestId('party-document-create').click();
    const dialog = page.getByRole('dialog', { name: '登记文件资料' });
    await dialog.waitFor();
    await dialog.getByTestId('party-document-org').click();
    await page.getByRole('option', { name: new RegExp(branchName) }).click();
    await dialog.getByLabel('文号').fill('档案党支〔2026〕1号');
    await dialog.getByLabel('标题').fill('关于开展党员信息采集工作的通知');
    await dialog.getByLabel('发文单位').fill(branchName);
    const date = dialog.getByRole('combobox', { name: '发文日期' });
    await date.fill('2026-03-01');
    await date.press('Enter');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await dialog
      .getByTestId('party-document-file')
      .locator('input[type=file]')
      .setInputFiles({ name: '信息采集通知.pdf', mimeType: 'application/pdf', buffer: pdf });
    const picked = dialog.getByTestId('party-document-picked');
    await picked.getByText('信息采集通知.pdf').waitFor();
    expect(await picked.textContent()).toContain(`${pdf.length} B`);
    await settledScreenshot(page, 'admin-party-document-dialog');
    await dialog.getByTestId('party-document-submit').click();
    const table = page.getByTestId('party-documents-table');
    await table.getByText('关于开展党员信息采集工作的通知').waitFor();
    const download = table.getByRole('link', { name: /下载 关于开展党员信息采集工作的通知/ });
    expect(await download.getAttribute('href')).toMatch(/^\/api\/files\/[\w-]+\?exp=\d+&sig=/);
    const served = await page.request.get(`${stack.bffUrl}${(await download.getAttribute('href')) ?? ''}`);
    expect(served.headers()['content-disposition']).toMatch(/^attachment; /);
    expect(Buffer.compare(await served.body(), pdf)).toBe(0);
    await page.mouse.move(0, 0);
    await settledScreenshot(page, 'admin-party-documents');
  });
});
