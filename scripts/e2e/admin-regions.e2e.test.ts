import { readFileSync } from 'fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type {
  BoundaryGeometry,
  LngLat,
  RegionDetailVO,
  RegionFeatureCollection,
  RegionOverviewVO,
  RegionVO,
} from '@zhili/shared';
import { browserAvailable, launchBrowser, screenshot } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { totpNow } from './support/totp';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** The seeded super admin's first login: TOTP enrolment, then the forced password change. */
async function adminFirstLogin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(E2E_ADMIN_PASSWORD);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/admin/auth/login')),
    page.getByTestId('login-submit').click(),
  ]);
  const secretText = page.getByTestId('mfa-setup-secret');
  await secretText.waitFor();
  const secret = ((await secretText.textContent()) ?? '').trim();
  await page.getByTestId('mfa-code-input').fill(totpNow(secret));
  await page.getByTestId('mfa-submit').click();
  await page.getByTestId('mfa-recovery-codes').waitFor();
  await page.getByTestId('mfa-recovery-confirm').click();
  await page.waitForURL(/\/admin\/password/);
  await page.getByTestId('password-current').fill(E2E_ADMIN_PASSWORD);
  await page.getByTestId('password-new').fill('Grid-Map-2026!');
  await page.getByTestId('password-confirm').fill('Grid-Map-2026!');
  await page.getByTestId('password-submit').click();
  await page.waitForURL(/\/admin\/dashboard/);
}

/** Staff API calls with the browser session's access token. */
function apiClient(baseUrl: string, page: Page) {
  return async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
    const token = await page.evaluate(
      () =>
        (JSON.parse(localStorage.getItem('zhili.admin.session') ?? '{}') as { accessToken?: string }).accessToken ?? '',
    );
    const res = await fetch(`${baseUrl}/api/admin${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as { data: T }) : { data: null as T };
    return { status: res.status, data: json.data };
  };
}

function rect(x0: number, y0: number, x1: number, y1: number): BoundaryGeometry {
  const ring: LngLat[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

/** A client point inside the region's drawn shape that the shape itself receives (not a label). */
async function pointInside(page: Page, name: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((regionName) => {
    const path = Array.from(document.querySelectorAll<SVGPathElement>('[data-testid="geo-region"]')).find(
      (p) => p.dataset.name === regionName,
    );
    if (!path) return null;
    const box = path.getBoundingClientRect();
    // Scan from the middle outwards so the click lands well inside the shape.
    const steps = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];
    for (const fy of steps) {
      for (const fx of steps) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        if (document.elementFromPoint(x, y) === path) return { x, y };
      }
    }
    return null;
  }, name);
  if (!point) throw new Error(`no clickable point inside ${name}`);
  return point;
}

/** Polls until the locator matches exactly `n` elements (5 s). */
async function waitForCount(locator: Locator, n: number): Promise<void> {
  const until = Date.now() + 5_000;
  while ((await locator.count()) !== n) {
    if (Date.now() > until) throw new Error(`expected ${n} elements, found ${await locator.count()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeBrowser('admin grid map, region management and village overview in Chromium', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let api: ReturnType<typeof apiClient>;
  let village: RegionVO;
  let grid: RegionVO;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await adminFirstLogin(page, stack.bffUrl);
    api = apiClient(stack.bffUrl, page);

    // A village with grids; boundaries come from the demo seed, or are drawn here when it has none.
    const regions = (await api<RegionVO[]>('GET', '/regions')).data;
    const villages = regions.filter(
      (r) => r.level === 'village' && regions.some((g) => g.parentId === r.id && g.level === 'grid'),
    );
    village = villages.find((v) => v.name === '幸福村') ?? (villages[0] as RegionVO);
    const grids = regions.filter((g) => g.parentId === village.id && g.level === 'grid');
    grid = grids[0] as RegionVO;
    if (!grid.hasBoundary) {
      const town = regions.find((r) => r.level === 'town') as RegionVO;
      expect((await api('PATCH', `/regions/${town.id}`, { boundary: rect(120.0, 30.0, 120.1, 30.06) })).status).toBe(
        200,
      );
      expect(
        (
          await api('PATCH', `/regions/${village.id}`, {
            boundary: rect(120.01, 30.01, 120.05, 30.04),
            center: [120.03, 30.025],
          })
        ).status,
      ).toBe(200);
      const width = 0.04 / grids.length;
      for (const [i, g] of grids.entries()) {
        const res = await api('PATCH', `/regions/${g.id}`, {
          boundary: rect(120.01 + i * width, 30.01, 120.01 + (i + 1) * width, 30.04),
        });
        expect(res.status).toBe(200);
      }
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('draws the regions offline and shows a clicked grid with its counts and workers, synced with the tree', async () => {
    await page.goto(`${stack.bffUrl}/admin/grid/map`);
    await page.getByTestId('map-offline-badge').waitFor();
    const polygons = page.locator('[data-testid="geo-map-offline"] [data-testid="geo-region"]');
    await polygons.first().waitFor();
    const fc = (await api<RegionFeatureCollection>('GET', '/regions/geojson')).data;
    expect(await polygons.count()).toBe(fc.features.length);
    expect(fc.features.length).toBeGreaterThanOrEqual(3);

    const at = await pointInside(page, grid.name);
    await page.mouse.click(at.x, at.y);
    await page.locator(`[data-testid="geo-region"][data-name="${grid.name}"][data-selected="true"]`).waitFor();
    expect(await page.getByTestId('region-panel-name').textContent()).toBe(grid.name);
    const counts = fc.features.find((f) => f.id === grid.id)?.properties.counts;
    expect(counts).toBeDefined();
    for (const key of ['persons', 'households', 'houses', 'businesses'] as const) {
      const shown = (await page.getByTestId(`region-count-${key}`).locator('div').first().textContent()) ?? '';
      expect(Number(shown.replace(/,/g, ''))).toBe(counts?.[key]);
    }
    await page.locator('[data-testid="region-workers"], [data-testid="region-workers-empty"]').first().waitFor();
    // The tree follows the map…
    await page.locator(`.el-tree-node.is-current > .el-tree-node__content [data-name="${grid.name}"]`).waitFor();
    expect(page.url()).toContain(`id=${grid.id}`);
    await screenshot(page, 'admin-grid-map');

    // The tree lists the village's grids in natural order (第一, 第二, 第三 — not by pinyin).
    const gridNames = (await api<RegionVO[]>('GET', '/regions')).data
      .filter((r) => r.parentId === village.id)
      .map((r) => r.name);
    const treeNames = await page
      .locator('[data-testid="region-tree"] [data-name]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));
    const inTree = treeNames.filter((n) => gridNames.includes(n));
    expect(inTree).toHaveLength(gridNames.length);
    const ordinal = ['第一', '第二', '第三', '第四', '第五', '第六']
      .map((o) => inTree.findIndex((n) => n.includes(o)))
      .filter((i) => i >= 0);
    expect(ordinal.length).toBeGreaterThanOrEqual(Math.min(2, gridNames.length));
    expect([...ordinal].sort((a, b) => a - b)).toEqual(ordinal);

    // …and the map follows the tree.
    await page.locator(`[data-testid="region-tree"] [data-name="${village.name}"]`).first().click();
    await page.locator(`[data-testid="geo-region"][data-name="${village.name}"][data-selected="true"]`).waitFor();
    expect(await page.getByTestId('region-panel-name').textContent()).toBe(village.name);
  });

  it('colours by population with a legend of classes and their region counts, and never overlaps labels', async () => {
    await page.goto(`${stack.bffUrl}/admin/grid/map`);
    await page.locator('[data-testid="geo-region"]').first().waitFor();
    const fc = (await api<RegionFeatureCollection>('GET', '/regions/geojson')).data;
    const labelBoxes = () =>
      page
        .locator('[data-testid="geo-label"]')
        .evaluateAll((els) =>
          els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.top, r.right, r.bottom] as const),
        );
    const overlapping = (boxes: (readonly [number, number, number, number])[]) =>
      boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter((b) => a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5),
      );
    expect(await page.getByTestId('map-legend').count()).toBe(0);
    await page.getByTestId('map-color-by').getByText('按人口').click();
    const legend = page.getByTestId('map-legend');
    await legend.waitFor();
    expect(await legend.innerText()).toContain('人口（每网格）');
    const counts = await page
      .getByTestId('map-legend-class')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(fc.features.filter((f) => f.properties.level === 'grid').length);
    expect(await page.locator('[data-testid="geo-label"]').count()).toBeGreaterThan(0);
    expect(overlapping(await labelBoxes())).toEqual([]);
    await screenshot(page, 'admin-grid-map-legend');
    // Zoomed in, more labels fit and still none overlaps.
    for (let i = 0; i < 2; i += 1) await page.getByRole('button', { name: '放大' }).click();
    expect(overlapping(await labelBoxes())).toEqual([]);
    await page.getByTestId('map-color-by').getByText('按户数').click();
    expect(await legend.innerText()).toContain('户数（每网格）');
    await page.getByTestId('map-color-by').getByText('按层级').click();
    await legend.waitFor({ state: 'detached' });
  });

  it('edits a grid boundary in the offline editor: drag, add and delete vertices, save with confirmation, cancel restores', async () => {
    await page.goto(`${stack.bffUrl}/admin/grid/map?id=${grid.id}`);
    await page.getByTestId('region-panel-name').filter({ hasText: grid.name }).waitFor();
    const before = (await api<RegionDetailVO>('GET', `/regions/${grid.id}`)).data.boundary as BoundaryGeometry;
    const gridPath = page.locator(`[data-testid="geo-region"][data-name="${grid.name}"]`);
    const drawnBefore = await gridPath.getAttribute('d');
    await page.getByTestId('boundary-edit').click();
    const vertices = page.getByTestId('geo-vertex');
    // Handles by their position in the ring (the editor tags them; DOM order is the library's).
    const vertex = (index: number) => page.locator(`[data-testid="geo-vertex"][data-index="${index}"]`);
    await vertex(0).waitFor();
    const n = await vertices.count();

    // Add a vertex at the midpoint of the edge after vertex 1, then remove it again with a right-click.
    const mid = await page.locator('[data-testid="geo-midpoint"][data-index="1"]').boundingBox();
    if (!mid) throw new Error('no midpoint handle');
    await page.mouse.move(mid.x + mid.width / 2, mid.y + mid.height / 2);
    await page.mouse.down();
    await page.mouse.up();
    await waitForCount(vertices, n + 1);
    await vertex(2).click({ button: 'right' });
    await waitForCount(vertices, n);

    // Drag the first vertex 30 px right and 20 px down.
    const v0 = await vertex(0).boundingBox();
    if (!v0) throw new Error('no vertex handle');
    await page.mouse.move(v0.x + v0.width / 2, v0.y + v0.height / 2);
    await page.mouse.down();
    await page.mouse.move(v0.x + v0.width / 2 + 15, v0.y + v0.height / 2 + 10, { steps: 4 });
    await page.mouse.move(v0.x + v0.width / 2 + 30, v0.y + v0.height / 2 + 20, { steps: 4 });
    await page.mouse.up();
    await page.getByTestId('boundary-editing').filter({ hasText: '已修改' }).waitFor();
    await screenshot(page, 'admin-grid-map-editing');

    await page.getByTestId('boundary-save').click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'PATCH' && r.url().endsWith(`/regions/${grid.id}`) && r.status() === 200,
      ),
      box.getByRole('button', { name: '保存' }).click(),
    ]);
    await page.getByTestId('boundary-editing').waitFor({ state: 'detached' });
    // The page leaves edit mode only after the saved shape is loaded, so once the editing bar is gone
    // the map already draws the new shape (it used to redraw the pre-save one for a moment, which
    // this test read as `saved` under load).
    const saved = await gridPath.getAttribute('d');
    expect(saved).not.toBe(drawnBefore);

    const after = (await api<RegionDetailVO>('GET', `/regions/${grid.id}`)).data.boundary as BoundaryGeometry;
    const ringBefore = (before.type === 'Polygon' ? before.coordinates[0] : before.coordinates[0]?.[0]) as LngLat[];
    const ringAfter = (after.type === 'Polygon' ? after.coordinates[0] : after.coordinates[0]?.[0]) as LngLat[];
    expect(ringAfter).toHaveLength(ringBefore.length);
    // Moved right (east, lng up) and down (south, lat down); the other vertices stay put.
    expect(ringAfter[0]?.[0]).toBeGreaterThan(ringBefore[0]?.[0] as number);
    expect(ringAfter[0]?.[1]).toBeLessThan(ringBefore[0]?.[1] as number);
    expect(ringAfter.slice(1, -1)).toEqual(ringBefore.slice(1, -1));

    // Cancelling a later edit leaves the saved shape as it is.
    await page.getByTestId('boundary-edit').click();
    const v1 = await vertex(1).boundingBox();
    if (!v1) throw new Error('no vertex handle');
    await page.mouse.move(v1.x + 6, v1.y + 6);
    await page.mouse.down();
    await page.mouse.move(v1.x + 40, v1.y + 40, { steps: 4 });
    await page.mouse.up();
    await page.getByTestId('boundary-cancel').click();
    await page.locator('.el-message-box').getByRole('button', { name: '放弃修改' }).click();
    await page.getByTestId('boundary-editing').waitFor({ state: 'detached' });
    expect(await gridPath.getAttribute('d')).toBe(saved);
    expect((await api<RegionDetailVO>('GET', `/regions/${grid.id}`)).data.boundary).toEqual(after);
  });

  it('imports the town boundaries after a dry-run report, and exports them as an audited GeoJSON download', async () => {
    await page.goto(`${stack.bffUrl}/admin/grid/map`);
    await page.locator('[data-testid="geo-region"]').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('boundary-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^区域边界-\d{4}-\d{2}-\d{2}\.geojson$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as RegionFeatureCollection;
    expect(exported.features.length).toBeGreaterThan(0);

    await page.getByTestId('boundary-import-open').click();
    await page.getByTestId('boundary-import-file').setInputFiles({
      name: 'town.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    const [dry] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/regions/import') && r.status() === 200),
      page.getByTestId('boundary-import-dryrun').click(),
    ]);
    expect(((await dry.json()) as { data: { dryRun: boolean; matched: number } }).data).toMatchObject({
      dryRun: true,
      matched: exported.features.length,
    });
    await page.getByTestId('boundary-import-report').waitFor();
    await screenshot(page, 'admin-boundary-import');
    const [committed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/regions/import') && r.status() === 200),
      page.getByTestId('boundary-import-commit').click(),
    ]);
    expect(((await committed.json()) as { data: { dryRun: boolean; updated: number } }).data).toMatchObject({
      dryRun: false,
      updated: exported.features.length,
    });
    await page.keyboard.press('Escape');
  });

  it('creates and deletes a child region, and refuses to delete a region that is not empty', async () => {
    await page.goto(`${stack.bffUrl}/admin/grid/regions`);
    const villageNode = page
      .locator(`[data-testid="region-tree"] .el-tree-node__content`)
      .filter({ has: page.locator(`[data-name="${village.name}"]`) })
      .first();
    await villageNode.getByTestId('region-add-child').click();
    await page.getByTestId('region-form-name').fill('测试新网格');
    await page.getByTestId('region-form-code').fill('123456789012');
    await page.getByTestId('region-form-submit').click();
    const created = page.locator(`[data-testid="region-tree"] [data-name="测试新网格"]`);
    await created.waitFor();
    await page.getByTestId('region-detail').getByText('测试新网格').first().waitFor();
    await screenshot(page, 'admin-region-manage');

    const createdNode = page
      .locator('[data-testid="region-tree"] .el-tree-node__content')
      .filter({ has: page.locator('[data-name="测试新网格"]') });
    await createdNode.getByTestId('region-delete').click();
    await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click();
    await created.waitFor({ state: 'detached' });

    await villageNode.getByTestId('region-delete').click();
    const [refusal] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().endsWith(`/regions/${village.id}`)),
      page.locator('.el-message-box').getByRole('button', { name: '删除' }).click(),
    ]);
    expect(refusal.status()).toBe(409);
    const message = ((await refusal.json()) as { error: { code: string; message: string } }).error;
    expect(message.code).toBe('REGION_NOT_EMPTY');
    await page.locator('.el-message--error').filter({ hasText: message.message }).waitFor();
    expect(await page.locator(`[data-testid="region-tree"] [data-name="${village.name}"]`).count()).toBe(1);
  });

  it('shows the village overview with its counts and charts', async () => {
    await page.goto(`${stack.bffUrl}/admin/grid/overview?regionId=${village.id}`);
    const overview = (await api<RegionOverviewVO>('GET', `/regions/${village.id}/overview`)).data;
    await page.locator('[data-testid="chart-grid-households"] canvas').waitFor();
    const persons =
      (await page.getByTestId('overview-count-persons').locator('.overview__stat-value').textContent()) ?? '';
    expect(Number(persons.replace(/[,人\s]/g, ''))).toBe(overview.counts.persons);
    const households = Object.values(overview.householdsByType).reduce((a, b) => a + b, 0);
    // The pie is drawn when there are households, otherwise an empty state says so.
    if (households > 0) await page.locator('[data-testid="chart-household-types"] canvas').waitFor();
    else await page.getByText('暂无住户数据').waitFor();
    await page.setViewportSize({ width: 1440, height: 1200 });
    await page.waitForTimeout(800); // let the charts' entry animation finish before the screenshot
    await screenshot(page, 'admin-region-overview');
  });
});
