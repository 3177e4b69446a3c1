import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { browserAvailable, launchBrowser } from '../../scripts/e2e/support/browser';

/**
 * `/api/docs` lists every operation of its document, and each one opens with its schemas.
 *
 * Swagger UI (5.x) virtualises the operation list once tags plus operations reach 150 entries: only
 * the entries near the viewport are in the DOM, the rest appear while scrolling. A test that counts
 * `.opblock` on the first screen sees three groups and looks like a UI that gave up after them (issue
 * #12's note); so these tests scroll the whole list and compare what was rendered with the document.
 */

const backend = currentBackend();
const SHOTS = join(__dirname, '../../var/e2e');
const describeBrowser = browserAvailable() ? describe : describe.skip;

interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
}
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** `GET /api/admin/tags` for every operation of the document. */
function documentedOperations(doc: OpenApiDoc): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/** What is in the DOM now: the operations (open ones only when asked), error-boundary fallbacks, the end. */
const LOOK = (openOnly: boolean) => `(() => {
  const ops = [...document.querySelectorAll('${openOnly ? '.opblock.is-open' : '.opblock'}')].map((b) =>
    (b.querySelector('.opblock-summary-method')?.textContent ?? '?') + ' ' +
    (b.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? '?'));
  const fallbacks = document.querySelectorAll('.swagger-ui .fallback').length;
  const errors = document.querySelector('.swagger-ui .errors-wrapper')?.textContent ?? '';
  const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
  return { ops, fallbacks, errors, atEnd };
})()`;

/**
 * Opens operations (all, or those of one path) at once through Swagger UI's layout actions — a
 * click each takes far longer. Opening is also what makes Swagger UI resolve their `$ref`s.
 */
const OPEN = (onlyPath?: string) => `(() => {
  const ui = window.ui;
  let n = 0;
  ui.specSelectors.taggedOperations().forEach((group, tag) => group.get('operations').forEach((op) => {
    if (${JSON.stringify(onlyPath ?? null)} !== null && op.get('path') !== ${JSON.stringify(onlyPath ?? null)}) return;
    const id = op.getIn(['operation', '__originalOperationId']) || op.getIn(['operation', 'operationId'])
      || ui.fn.opId(op.get('operation').toJS(), op.get('path'), op.get('method')) || op.get('id');
    ui.layoutActions.show(['operations', tag, id], true);
    n += 1;
  }));
  return n;
})()`;

/**
 * Scrolls from the top to the end of the page, collecting the operations rendered on the way, where
 * Swagger UI's error boundary ("😱 Could not render …") stood in for a component, and the errors it
 * lists above the operations (an unresolvable `$ref`).
 */
async function scrollThrough(page: Page, openOnly: boolean): Promise<{ seen: Set<string>; broken: string[] }> {
  const seen = new Set<string>();
  const broken: string[] = [];
  await page.evaluate('window.scrollTo(0, 0)');
  // The virtualiser grows the page only after it has measured the entries it just rendered, so on a
  // busy machine the bottom can be reached for a moment before the rest exists: the end counts only
  // once it has held over a few more scrolls that brought nothing new.
  let quietEnds = 0;
  for (let step = 0; step < 2000 && quietEnds < 5; step += 1) {
    const now = await page.evaluate<{ ops: string[]; fallbacks: number; errors: string; atEnd: boolean }>(
      LOOK(openOnly),
    );
    const before = seen.size;
    now.ops.forEach((op) => seen.add(op));
    if (now.fallbacks) broken.push(`could not render near ${now.ops.join(', ')}`);
    if (now.errors && !broken.includes(now.errors)) broken.push(now.errors);
    quietEnds = now.atEnd && seen.size === before ? quietEnds + 1 : 0;
    // Well under the 1,600 px viewport per step, so every entry is on screen for a look even when the
    // virtualiser lags a little; then two frames for it to measure and render what came into view.
    await page.mouse.wheel(0, 1000);
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    await page.waitForTimeout(20);
  }
  return { seen, broken };
}

describeBrowser(`the API docs page in Chromium on ${backend.name}`, () => {
  let t: TestApp;
  let browser: Browser;
  let operations: string[];

  beforeAll(async () => {
    t = await startTestApp(backend);
    operations = documentedOperations((await t.http().get('/api/docs/index.json')).body as OpenApiDoc);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Opens the docs page and waits for the first operation; page errors are collected. */
  async function openDocs(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(`${t.url}/api/docs/`);
    await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
    return { page, errors };
  }

  it('lists every operation of the document, in every tag group', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(150);
    const { page, errors } = await openDocs();
    const { seen, broken } = await scrollThrough(page, false);
    expect(operations.filter((op) => !seen.has(op))).toEqual([]);
    expect([...seen].filter((op) => !operations.includes(op))).toEqual([]);
    expect(seen.size).toBe(operations.length);
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('opens every operation with its parameters and response schemas, none failing to render', async () => {
    const { page, errors } = await openDocs();
    const opened = await page.evaluate<number>(OPEN());
    expect(opened).toBe(operations.length);
    const { seen, broken } = await scrollThrough(page, true);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'api-docs-opened.png') });
    expect(operations.filter((op) => !seen.has(op))).toEqual([]);
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
    // Every operation is opened one by one: the party school's routes doubled the list (≈ 130 s on a
    // quiet machine), so the limit leaves room for a loaded CI run.
  }, 600_000);

  it('would notice an operation whose schema cannot be resolved (the check is not blind)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const doc = (await t.http().get('/api/docs/index.json')).body as OpenApiDoc;
    const tags = doc.paths['/api/admin/tags'] as Record<string, { responses: Record<string, unknown> }>;
    tags.get.responses['200'] = {
      description: '成功',
      content: { 'application/json': { schema: { $ref: '#/$defs/TagVO' } } },
    };
    await page.route('**/api/docs/index.json', (route) => route.fulfill({ json: doc }));
    await page.goto(`${t.url}/api/docs/`);
    await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate<number>(OPEN('/api/admin/tags'))).toBeGreaterThan(0);
    const { broken } = await scrollThrough(page, true);
    expect(broken.join('\n')).toMatch(/\/\$defs\/TagVO/);
    await page.close();
  }, 60_000);
});
