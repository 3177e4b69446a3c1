import * as ExcelJS from 'exceljs';
import { mkdirSync, rmSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { idNumberCheckChar } from '@zhili/shared';
import { ARTIFACTS_DIR, browserAvailable, launchBrowser, screenshot } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { totpNow } from './support/totp';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** A unique surname-like prefix, so the demo town's own residents never match our searches. */
const PREFIX = '欧阳测';

interface RegionItem {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
}

/** A valid 18-digit ID number (Beijing prefix) for a birth date and sequence; odd sequence = male. */
function idNumber(birth: string, seq: number): string {
  const first17 = `110101${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** The same number with a wrong check character. */
function badIdNumber(birth: string, seq: number): string {
  const good = idNumber(birth, seq);
  const wrong = good[17] === '1' ? '2' : '1';
  return good.slice(0, 17) + wrong;
}

async function api<T>(stack: E2eStack, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stack.bffUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? (JSON.parse(text) as { data: T }).data : null) as T;
}

async function tokenOf(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('zhili.admin.session'));
  const token = raw ? (JSON.parse(raw) as { accessToken?: string }).accessToken : undefined;
  if (!token) throw new Error('no admin session in localStorage');
  return token;
}

async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/admin/auth/login')),
    page.getByTestId('login-submit').click(),
  ]);
}

/** First login: optional TOTP enrolment, then the forced password change (as in admin.e2e). */
async function firstLogin(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
  newPassword: string,
  mfa: boolean,
): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await submitLogin(page, username, password);
  if (mfa) {
    const secretText = page.getByTestId('mfa-setup-secret');
    await secretText.waitFor();
    const secret = ((await secretText.textContent()) ?? '').trim();
    await page.getByTestId('mfa-code-input').fill(totpNow(secret));
    await page.getByTestId('mfa-submit').click();
    await page.getByTestId('mfa-recovery-codes').waitFor();
    await page.getByTestId('mfa-recovery-confirm').click();
  }
  await page.waitForURL(/\/admin\/password/);
  await page.getByTestId('password-current').fill(password);
  await page.getByTestId('password-new').fill(newPassword);
  await page.getByTestId('password-confirm').fill(newPassword);
  await page.getByTestId('password-submit').click();
  await page.waitForURL(/\/admin\/dashboard/);
}

/** An import file in the persons template's layout: one good row, one with a bad check digit. */
async function personsWorkbook(regionName: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(['姓名', '身份证号', '性别', '手机号', '户籍类型', '所属区域', '标签']);
  ws.addRow([`${PREFIX}导入甲`, idNumber('1961-03-04', 31), '男', '13800138031', '户籍', regionName, '独居老人']);
  ws.addRow([`${PREFIX}导入乙`, badIdNumber('1975-07-08', 42), '女', '13800138042', '户籍', regionName, '']);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, `registry-import-${process.pid}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

describeBrowser('admin registry screens in Chromium', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let village: RegionItem;
  let villageToken = '';
  let personId = '';
  let importFile = '';

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();

    // The super admin has no person:* permissions: it only creates a village admin for the test.
    const adminPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await firstLogin(adminPage, stack.bffUrl, 'admin', E2E_ADMIN_PASSWORD, 'Town-Hall-2026!', true);
    const adminToken = await tokenOf(adminPage);
    await adminPage.close();
    const regions = await api<RegionItem[]>(stack, adminToken, 'GET', '/api/admin/regions');
    const found = regions.find((r) => r.level === 'village' && regions.some((c) => c.parentId === r.id));
    if (!found) throw new Error('the seed has no village with grids');
    village = found;
    const created = await api<{ initialPassword: string }>(stack, adminToken, 'POST', '/api/admin/users', {
      username: 'registry.clerk',
      displayName: '人口登记员',
      roles: ['village_admin'],
      regionId: village.id,
    });

    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await firstLogin(page, stack.bffUrl, 'registry.clerk', created.initialPassword, 'Village-Desk-2026', false);
    villageToken = await tokenOf(page);

    // A small, known household of the village to find among whatever the demo seed holds.
    const people = [
      { name: `${PREFIX}一`, birth: '1940-02-03', seq: 11, tags: ['elderly_alone', 'elderly_80'] },
      { name: `${PREFIX}二`, birth: '1968-05-06', seq: 22, tags: ['low_income'] },
      { name: `${PREFIX}三`, birth: '2012-09-10', seq: 33, tags: ['left_behind_child'] },
    ];
    const ids: string[] = [];
    for (const p of people) {
      const person = await api<{ id: string }>(stack, villageToken, 'POST', '/api/admin/persons', {
        name: p.name,
        idNumber: idNumber(p.birth, p.seq),
        phone: `139${String(p.seq).padStart(8, '0')}`,
        hukouType: 'local',
        regionId: village.id,
        address: `${village.name}18号`,
        tags: p.tags,
      });
      ids.push(person.id);
    }
    personId = ids[0];
    const household = await api<{ id: string }>(stack, villageToken, 'POST', '/api/admin/households', {
      type: 'resident',
      regionId: village.id,
      address: `${village.name}18号`,
      landNote: '承包地 3.2 亩，种植水稻',
    });
    await api(stack, villageToken, 'POST', `/api/admin/households/${household.id}/members`, {
      personId: ids[0],
      relationToHead: 'self',
    });
    await api(stack, villageToken, 'POST', `/api/admin/households/${household.id}/members`, {
      personId: ids[1],
      relationToHead: 'child',
    });
    await api(stack, villageToken, 'POST', `/api/admin/households/${household.id}/members`, {
      personId: ids[2],
      relationToHead: 'grandchild',
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
    if (importFile) rmSync(importFile, { force: true });
  });

  it('lists persons with a name search and a tag filter, masked, in the 人口房屋 menu', async () => {
    await page.goto(`${stack.bffUrl}/admin/registry/persons`);
    await page.getByTestId('menu-registry').waitFor();
    await page.getByTestId('persons-table').waitFor();
    await page.getByTestId('persons-search').fill(PREFIX);
    await page.getByTestId('persons-filter-tags').click();
    await page.getByRole('option', { name: '独居老人', exact: true }).click();
    await page.keyboard.press('Escape');
    await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes('/api/admin/persons?') && r.url().includes('tag=elderly_alone') && r.ok(),
      ),
      page.getByTestId('persons-search-submit').click(),
    ]);
    const table = page.getByTestId('persons-table');
    await table.getByText(`${PREFIX}一`).waitFor();
    // Only the tagged person matches, and her numbers are masked.
    expect(await table.getByText(`${PREFIX}二`).count()).toBe(0);
    const rowText = (await table.locator('.el-table__body tr').first().textContent()) ?? '';
    expect(rowText).toMatch(/\*{4}/);
    expect(rowText).not.toContain(idNumber('1940-02-03', 11));
    await screenshot(page, 'admin-persons');
  });

  it("opens a person's detail: basic info, household, tags and visit-due status; no PII reveal without person:pii:read", async () => {
    await page.getByTestId('persons-table').getByText(`${PREFIX}一`).click();
    await page.waitForURL(new RegExp(`/admin/registry/persons/${personId}`));
    await page.getByTestId('person-basic').waitFor();
    expect(await page.getByTestId('person-id-number').textContent()).toMatch(/\*/);
    await page.getByTestId('person-household').getByText('查看户信息').waitFor();
    await page.getByTestId('person-visit-due').waitFor();
    expect(await page.getByTestId('person-pii-reveal').count()).toBe(0);
    await screenshot(page, 'admin-person-detail');
    // The layout scrolls inside its main area: bring the tags and visits into view for a second shot.
    await page.getByTestId('person-visit-due').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('person-tags-edit').count()).toBe(1);
    await page.waitForTimeout(400); // el-tag zoom-in transition
    await screenshot(page, 'admin-person-detail-visits');
  });

  it('records a visit with a photo on the person detail and shows it through a signed link', async () => {
    const jpeg = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.fillStyle = '#1971c2';
      ctx.fillRect(0, 0, 320, 240);
      ctx.fillStyle = '#ffffff';
      ctx.font = '32px sans-serif';
      ctx.fillText('入户走访', 90, 130);
      return canvas.toDataURL('image/jpeg', 0.8).split(',')[1];
    });
    await page.getByTestId('visit-record').click();
    await page.getByTestId('visit-note').fill('老人身体良好，家中整洁，已提醒冬季用电安全。');
    const dialog = page.locator('.el-dialog').filter({ hasText: '记录走访' });
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/admin/files') && r.status() === 201),
      dialog
        .locator('input[type=file]')
        .setInputFiles({ name: 'visit.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') }),
    ]);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/admin/visits') && r.status() === 201),
      page.getByTestId('visit-submit').click(),
    ]);
    const visits = page.getByTestId('person-visits');
    await visits.getByText('老人身体良好').waitFor();
    const img = visits.locator('img').first();
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/\/api\/files\/[^?]+\?exp=\d+&sig=/);
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="person-visits"] img') as HTMLImageElement | null;
      return el !== null && el.complete && el.naturalWidth === 320;
    });
    expect((await page.getByTestId('person-visit-due').textContent()) ?? '').toContain('正常');
    await page.waitForTimeout(400);
    await screenshot(page, 'admin-person-visit');
  });

  it('lists households with counts per type and shows a household with its members', async () => {
    await page.goto(`${stack.bffUrl}/admin/registry/households`);
    await page.getByTestId('households-table').waitFor();
    await page.getByTestId('households-search').fill(PREFIX);
    await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes('/api/admin/households?') && r.url().includes('pageSize=20') && r.ok(),
      ),
      page.getByTestId('households-search').press('Enter'),
    ]);
    const table = page.getByTestId('households-table');
    await table.getByText(`${PREFIX}一`).waitFor();
    expect(((await page.getByTestId('households-count-resident').textContent()) ?? '').trim()).toMatch(/^\d+$/);
    await screenshot(page, 'admin-households');
    await table.getByText(`${PREFIX}一`).click();
    const members = page.getByTestId('household-members');
    await members.getByText(`${PREFIX}三`).waitFor();
    expect(await members.getByText('户主').count()).toBeGreaterThan(0);
    await page.waitForTimeout(400); // el-tag zoom-in transition
    await screenshot(page, 'admin-household-detail');
  });

  it('shows the village houses with their residents, checks a business credit code, and lists the managed tags', async () => {
    await page.goto(`${stack.bffUrl}/admin/registry/houses`);
    const houses = page.getByTestId('houses-table');
    await houses.locator('.el-table__row').first().waitFor();
    await screenshot(page, 'admin-houses');
    await houses.locator('.el-table__row').first().getByRole('link').first().click(); // the address links to the house
    await page.getByTestId('house-residents').waitFor();
    // Residents' numbers are masked here as everywhere.
    const cells = await page.getByTestId('house-residents').locator('td').allTextContents();
    expect(cells.join(' ')).not.toMatch(/\d{17}[\dX]|1\d{10}/);
    await screenshot(page, 'admin-house-detail');

    await page.goto(`${stack.bffUrl}/admin/registry/businesses`);
    await page.getByTestId('businesses-table').waitFor();
    await page.getByTestId('businesses-create').click();
    await page.getByTestId('business-form-name').fill('幸福农家乐');
    await page.getByTestId('business-form-code').fill('12345');
    await page.getByTestId('business-form-submit').click();
    await page.locator('.el-form-item__error').first().waitFor();
    expect(await page.locator('.el-form-item__error').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/信用代码/)]),
    );
    await screenshot(page, 'admin-business-form');
    await page.keyboard.press('Escape');

    await page.goto(`${stack.bffUrl}/admin/registry/tags`);
    const tags = page.getByTestId('tags-table');
    await tags.getByText('独居老人').waitFor();
    expect(await tags.getByText('低保户').count()).toBeGreaterThan(0);
    await page.waitForTimeout(400); // el-tag zoom-in transition
    await screenshot(page, 'admin-tags');
  });

  it('edits an estate: name and address change, the region is shown but fixed (f996a3b)', async () => {
    interface Estate {
      id: string;
      name: string;
      address: string | null;
      regionId: string;
    }
    const estate = await api<Estate>(stack, villageToken, 'POST', '/api/admin/estates', {
      name: `${PREFIX}花园`,
      address: `${village.name}8号`,
      regionId: village.id,
    });
    await page.goto(`${stack.bffUrl}/admin/registry/estates`);
    const table = page.getByTestId('estates-table');
    // The demo town has estates of its own: find ours by name.
    await page.getByPlaceholder('小区名称').fill(PREFIX);
    await page.getByRole('button', { name: '查询' }).click();
    const row = table.locator('.el-table__row', { hasText: `${PREFIX}花园` });
    await row.getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑小区' });
    await dialog.waitFor();
    // An estate cannot move to another region: the picker shows the region, read-only, in the edit.
    const region = dialog.locator('.el-form-item', { hasText: '所属区域' }).locator('.region-select input');
    expect(await region.isDisabled()).toBe(true);
    await dialog.getByLabel('名称').fill(`${PREFIX}花园二期`);
    await dialog.getByLabel('地址').fill(`${village.name}9号`);
    // Before the fix the edit also sent regionId, which the update route refuses (400): nothing saved.
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith(`/api/admin/estates/${estate.id}`) && r.request().method() === 'PATCH',
      ),
      dialog.getByRole('button', { name: '保存' }).click(),
    ]);
    expect(saved.status()).toBe(200);
    expect(JSON.parse(saved.request().postData() ?? '{}')).toEqual({
      name: `${PREFIX}花园二期`,
      address: `${village.name}9号`,
    });
    await dialog.waitFor({ state: 'hidden' });
    await table.locator('.el-table__row', { hasText: `${PREFIX}花园二期` }).waitFor();
    await screenshot(page, 'admin-estate-edited');
    expect(await api<Estate>(stack, villageToken, 'GET', `/api/admin/estates/${estate.id}`)).toMatchObject({
      name: `${PREFIX}花园二期`,
      address: `${village.name}9号`,
      regionId: village.id,
    });
  });

  it('runs an import dry run and lists the bad row with its column and problem', async () => {
    importFile = await personsWorkbook(village.name);
    await page.goto(`${stack.bffUrl}/admin/registry/import`);
    await page.getByTestId('import-page').waitFor();
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(importFile);
    await page.getByTestId('import-dry-run').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: 60_000 });
    // Exactly the bad row (3, header = 1) is reported, on the ID number column; the good row 2 is not.
    const rows = errors.locator('.el-table__body tr');
    await rows.first().waitFor();
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())),
    );
    expect(cells.map((c) => c[0])).toEqual(['3']);
    expect(cells[0][1]).toBe('身份证号');
    expect(cells[0][2]).toMatch(/校验/);
    // All-or-nothing: with a bad row the commit stays disabled.
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    // …while a corrected file can be checked again.
    expect(await page.getByTestId('import-dry-run').isEnabled()).toBe(true);
    await page.mouse.move(0, 0);
    await screenshot(page, 'admin-import');
  });
});
