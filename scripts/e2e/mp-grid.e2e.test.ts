import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, browserAvailable, launchBrowser, screenshot } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** A real JPEG drawn by the browser itself, so the test needs no binary fixture. */
async function makeJpeg(page: Page): Promise<string> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.fillStyle = '#2b8a3e';
    ctx.fillRect(0, 0, 320, 240);
    ctx.fillStyle = '#ffffff';
    ctx.font = '32px sans-serif';
    ctx.fillText('走访 visit', 60, 130);
    return canvas.toDataURL('image/jpeg', 0.8);
  });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, 'visit-photo.jpg');
  writeFileSync(path, Buffer.from(dataUrl.split(',')[1], 'base64'));
  return path;
}

const count = async (page: Page, selector: string) => Number((await page.locator(selector).textContent())?.trim());

describeBrowser('H5 grid worker pages in Chromium (seeded demo town)', () => {
  let stack: E2eStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('王五 finds a household of his grid, opens a member and records a visit with a photo', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    await page.addInitScript((simUrl) => window.localStorage.setItem('zhili.dev.simUrl', simUrl), stack.simUrl);
    await page.goto(`${stack.bffUrl}/h5/`);
    await page.locator('#login-button').click();
    await page.locator('#dev-login-wangwu').click();
    await page.locator('#home-nickname').waitFor();

    // The workbench shows the seeded grid with its households and persons.
    await page.goto(`${stack.bffUrl}/h5/#/grid/pages/tasks/index`);
    await page.locator('#grid-overview').waitFor();
    expect(await page.locator('#grid-region-name').textContent()).toMatch(/网格/);
    expect(await count(page, '#grid-households')).toBeGreaterThan(0);
    expect(await count(page, '#grid-persons')).toBeGreaterThan(0);
    await screenshot(page, 'mp-grid-overview');

    // Households: search by the first head's surname narrows the list to matching heads.
    await page.locator('#grid-entry-households').click();
    await page.locator('#households-list').waitFor();
    // 空壳户 may have no head (titled 未登记户主): search by the surname of the first household with one.
    const titles = await page.locator('#households-list .grid-item__title').allTextContents();
    const withHead = titles.find((t) => t !== '未登记户主');
    if (!withHead) throw new Error('no household with a head on the first page');
    const surname = Array.from(withHead)[0];
    await page.locator('#households-search input').fill(surname);
    await page.locator('#households-search-submit').click();
    await page.waitForFunction((s) => {
      const titles = Array.from(document.querySelectorAll('#households-list .grid-item__title')).map(
        (n) => n.textContent ?? '',
      );
      return titles.length > 0 && titles.every((t) => t.startsWith(s));
    }, surname);
    await screenshot(page, 'mp-grid-households');

    // Household card → a member (masked phone / ID) → record a visit.
    await page.locator('#households-list .grid-item').first().click();
    await page.locator('#household-card').waitFor();
    await screenshot(page, 'mp-grid-household');
    const member = page.locator('[id^="household-member-"]').first();
    if ((await member.count()) === 0)
      throw new Error('the first matching household has no members (seed should give it some)');
    await member.click();
    await page.locator('#person-card').waitFor();
    const idText = (await page.locator('#person-id-number').textContent()) ?? '';
    expect(idText).toMatch(/^\d{3}\*+\d{3}[\dX]$|未登记/);
    const personName = (await page.locator('#person-name').textContent())?.trim() ?? '';
    await screenshot(page, 'mp-grid-person');

    await page.locator('#person-record-visit').click();
    await page.locator('#visit-note').waitFor();
    // An empty note is refused on the page, before any request.
    await page.locator('#visit-submit').click();
    await page.locator('#visit-note-error').waitFor();

    const jpeg = await makeJpeg(page);
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#visit-add-photo').click();
    await (await chooser).setFiles(jpeg);
    await page.locator('#visit-photos .grid-photo__img').first().waitFor();
    const note = `入户走访：身体状况良好，已告知防诈骗注意事项（e2e ${Date.now()}）`;
    await page.locator('#visit-note textarea').fill(note);
    await screenshot(page, 'mp-grid-visit-new');
    await page.locator('#visit-submit').click();

    // Back on the person: the new visit is listed with its photo, served through a signed URL.
    await page.locator('#person-visits').waitFor();
    await page.waitForFunction(
      (n) => document.querySelector('#person-visits')?.textContent?.includes(n) ?? false,
      note,
    );
    const img = page.locator('#person-visits img').first();
    await img.waitFor();
    const src = (await img.getAttribute('src')) ?? '';
    expect(src).toMatch(/\/api\/files\/[^?]+\?exp=\d+&sig=/);
    const photo = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type') };
    }, src);
    expect(photo).toEqual({ status: 200, type: 'image/jpeg' });
    expect(await page.locator('#person-name').textContent()).toContain(personName);
    await screenshot(page, 'mp-grid-person-visited');
  });

  it('lists the visits due, most urgent first, and a resident cannot open the grid API', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    await page.addInitScript((simUrl) => window.localStorage.setItem('zhili.dev.simUrl', simUrl), stack.simUrl);
    await page.goto(`${stack.bffUrl}/h5/`);
    await page.locator('#login-button').click();
    await page.locator('#dev-login-wangwu').click();
    await page.locator('#home-nickname').waitFor();
    await page.goto(`${stack.bffUrl}/h5/#/grid/pages/visits-due/index`);
    await page.locator('#due-list, #state-error, .state-box--empty').first().waitFor();
    const badges = await page.locator('#due-list .grid-badge').allTextContents();
    // Most urgent first: overdue (the longest overdue first), then due today, then upcoming.
    const rank = (b: string) => (b.startsWith('逾期') ? 0 : b === '今日应访' ? 1 : b === '即将到期' ? 2 : 3);
    const ranks = badges.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // The seeded grid's pending page may hold one state only; the whole list (按期 too) holds several,
    // so the server's order is checked on data where a wrong order would show.
    const all = await page.evaluate(async () => {
      const token = /"accessToken"\s*:\s*"([^"]+)"/.exec(window.localStorage.getItem('zhili.session') ?? '')?.[1] ?? '';
      const res = await fetch('/api/mp/grid/visits/due?status=all&pageSize=100', {
        headers: { Authorization: `Bearer ${token}` },
      });
      return ((await res.json()) as { data: { status: string; dueAt: string }[] }).data;
    });
    const stateRank: Record<string, number> = { overdue: 0, due: 1, upcoming: 2, ok: 3 };
    const allRanks = all.map((v) => stateRank[v.status]);
    expect(new Set(allRanks).size).toBeGreaterThan(1);
    expect(allRanks).toEqual([...allRanks].sort((a, b) => a - b));
    const dueTimes = all.map((v) => Date.parse(v.dueAt));
    expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
    await screenshot(page, 'mp-grid-visits-due');

    // 张三 is a resident: the grid desk explains how to get the role, and the API refuses him.
    const resident = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await resident.addInitScript((simUrl) => window.localStorage.setItem('zhili.dev.simUrl', simUrl), stack.simUrl);
    await resident.goto(`${stack.bffUrl}/h5/`);
    await resident.locator('#login-button').click();
    await resident.locator('#dev-login-zhangsan').click();
    await resident.locator('#home-nickname').waitFor();
    await resident.goto(`${stack.bffUrl}/h5/#/grid/pages/tasks/index`);
    await resident.locator('#role-gate').waitFor();
    const status = await resident.evaluate(async () => {
      const raw = window.localStorage.getItem('zhili.session') ?? '';
      const token = /"accessToken"\s*:\s*"([^"]+)"/.exec(raw)?.[1] ?? '';
      const res = await fetch('/api/mp/grid/overview', { headers: { Authorization: `Bearer ${token}` } });
      return res.status;
    });
    expect(status).toBe(403);
  });
});
