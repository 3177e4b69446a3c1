import type { Region } from '../src/modules/region/region.entity';
import { MpUser } from '../src/modules/mp-user/mp-user.entity';
import { currentBackend } from './support/backends';
import { hasOwnErrorDocuments, isErrorDocument, OpenApi, Operation, Probe, ProbeFactory } from './support/bad-input';
import { mpLogin } from './support/mp-fixtures';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs } from './support/staff-session';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Walks every operation of the BFF's own OpenAPI document as a staff super admin, a town admin, an
 * auditor, a resident, a grid worker (mini-program) and an anonymous caller, with bad input of every
 * kind: no body, missing fields, wrong types for each declared field, control characters, dates
 * that do not exist, 5,000-level nesting, bodies over and just under the 1 MB limit, huge arrays,
 * bogus path parameters, malformed query strings. Nothing may answer 500 (or any INTERNAL), and
 * every 4xx must be the JSON envelope `{error:{code,message}}` (issue #11) — or, on an operation
 * whose documented errors are documents of its own (Open311 GeoReport), that error list, or the
 * envelope where the app answers before the route (a body the parser refuses).
 *
 * Where a caller cannot reach the handler (401/403 on the plausible request), only the
 * body-level probes are sent to it: the guard answers before validation anyway. Requests go out
 * 12 at a time over keep-alive connections; no single one may take 15 s (an event-loop stall).
 */

const backend = currentBackend();

/** Routes that would end or change the walking session itself. */
const SESSION_ENDING = /\/auth\/(logout|logout-all|password|mfa)(\/|$)/;

interface Caller {
  name: string;
  auth?: string;
}

interface Outcome {
  caller: string;
  method: string;
  path: string;
  label: string;
  status: number;
  body: string;
  ms: number;
  /** Whether the full body was the JSON error envelope (or the operation's own error document). */
  envelope: boolean;
}

const isEnvelope = (body: unknown): boolean => {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return (
    typeof error?.code === 'string' &&
    /^[A-Z0-9_]+$/.test(error.code) &&
    typeof error.message === 'string' &&
    error.message.length > 0
  );
};

describe(`bad input on every route (${backend.name})`, () => {
  let t: TestApp;
  let doc: OpenApi;
  let town: Region;
  const callers: Caller[] = [{ name: 'anonymous' }];

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await createRegion(t, '巡检镇', 'town');
    const village = await createRegion(t, '巡检村', 'village', town);
    const grid = await createRegion(t, '巡检村第一网格', 'grid', village);
    for (const [name, input] of [
      ['staff super_admin', { username: 'walk.root', roles: ['super_admin'] }],
      ['staff town_admin', { username: 'walk.town', roles: ['town_admin'], grants: ['data:export'], region: town }],
      ['staff auditor', { username: 'walk.auditor', roles: ['auditor'] }],
    ] as const) {
      callers.push({
        name,
        auth: (
          await staffAs(t, { ...input, roles: [...input.roles], grants: 'grants' in input ? [...input.grants] : [] })
        ).auth,
      });
    }
    callers.push({ name: 'mp resident', auth: (await mpLogin(t, 'walk-resident')).auth });
    // A grid worker's token carries the role: grant it, then log in again.
    const worker = await mpLogin(t, 'walk-grid-worker');
    await (
      await dataSourceOf(t)
    )
      .getRepository(MpUser)
      .update({ id: worker.id }, { roles: ['resident', 'grid_worker'], regionId: grid.id, scopePath: grid.path });
    callers.push({ name: 'mp grid worker', auth: (await mpLogin(t, 'walk-grid-worker')).auth });
    const res = await fetch(`${t.url}/api/docs/index.json`);
    doc = (await res.json()) as OpenApi;
  }, 120_000);
  afterAll(() => t?.close());

  async function send(caller: Caller, method: string, op: Operation, probe: Probe): Promise<Outcome> {
    const headers: Record<string, string> = {
      'X-Forwarded-For': `10.9.${callers.indexOf(caller)}.${Math.floor(Math.random() * 250) + 1}`,
    };
    if (caller.auth) headers.Authorization = caller.auth;
    let body: string | undefined;
    if (probe.raw !== undefined) {
      body = probe.raw;
      headers['Content-Type'] = probe.contentType ?? 'application/json';
    } else if (probe.body !== undefined) {
      body = JSON.stringify(probe.body);
      headers['Content-Type'] = 'application/json';
    }
    const url = `${t.url}${probe.path}${probe.query ? `?${probe.query}` : ''}`;
    const started = Date.now();
    const outcome = { caller: caller.name, method, path: probe.path, label: probe.label };
    for (let attempt = 1; ; attempt += 1) {
      try {
        const res = await fetch(url, { method: method.toUpperCase(), headers, body, redirect: 'manual' });
        const text = await res.text();
        let envelope = hasOwnErrorDocuments(op) && isErrorDocument(text);
        try {
          envelope ||= isEnvelope(JSON.parse(text));
        } catch {
          // not JSON: only an operation's own error document passes
        }
        return { ...outcome, status: res.status, body: text.slice(0, 300), ms: Date.now() - started, envelope };
      } catch (err) {
        const cause = String((err as { cause?: { code?: string } }).cause?.code ?? err);
        // The server answers 413 and may close before a body over the limit is fully sent.
        if (probe.label === 'over 1 MB')
          return { ...outcome, status: 413, body: `{"network":"${cause}"}`, ms: Date.now() - started, envelope: true };
        // A kept-alive socket the server closed just as it was reused: try once more.
        if (attempt < 2) continue;
        return { ...outcome, status: -1, body: `{"network":"${cause}"}`, ms: Date.now() - started, envelope: false };
      }
    }
  }

  /** Runs `tasks` with at most `width` in flight. */
  async function inBatches<T>(tasks: (() => Promise<T>)[], width = 12): Promise<T[]> {
    const results: T[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < tasks.length) {
          const task = tasks[next++];
          results.push(await task());
        }
      }),
    );
    return results;
  }

  it('answers every bad request with a 4xx JSON error and never a 500', async () => {
    const factory = new ProbeFactory(doc, { regionId: town.id, rootId: town.id, parentId: town.id, year: 2026 });
    const operations = Object.entries(doc.paths).flatMap(([template, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ template, method, op })),
    );
    expect(operations.length).toBeGreaterThan(100);
    const outcomes: Outcome[] = [];
    // ~1 MB bodies go to each operation once, to the first caller that reaches its handler.
    const heavySent = new Set<string>();
    for (const caller of callers) {
      const plans = await inBatches(
        operations
          .filter(({ template }) => !(caller.auth && SESSION_ENDING.test(template)))
          .map(({ template, method, op }) => async () => {
            // Full probing only where the caller gets past the guards.
            const first = await send(caller, method, op, factory.probes(template, method, op, false)[0]);
            outcomes.push(first);
            const reaches = first.status !== 401 && first.status !== 403;
            const key = `${method} ${template}`;
            const heavy = reaches && !heavySent.has(key);
            if (heavy) heavySent.add(key);
            return { method, op, probes: factory.probes(template, method, op, reaches, heavy).slice(1) };
          }),
      );
      const tasks = plans.flatMap(({ method, op, probes }) =>
        probes.map((probe) => () => send(caller, method, op, probe)),
      );
      outcomes.push(...(await inBatches(tasks)));
    }
    const failures = outcomes.filter(
      (o) =>
        o.status === 500 ||
        o.status === -1 ||
        o.body.includes('"INTERNAL"') ||
        (o.status >= 400 && o.status < 500 && !o.envelope),
    );
    const summary = failures
      .slice(0, 40)
      .map(
        (f) =>
          `${f.caller} ${f.method.toUpperCase()} ${f.path.slice(0, 80)} [${f.label}] → ${f.status} ${f.body.slice(0, 160)}`,
      );
    const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(
      `bad-input walk: ${outcomes.length} requests, ${operations.length} operations, ${callers.length} callers, ${failures.length} failures; ` +
        `slowest ${slowest.ms} ms (${slowest.method.toUpperCase()} ${slowest.path.slice(0, 60)} [${slowest.label}])`,
    );
    expect(summary).toEqual([]);
    // No request may stall the server (a 150,000-item array once blocked the event loop for minutes).
    expect(slowest.ms).toBeLessThan(15_000);
    // The walk really reached handlers: validation answered for many operations.
    expect(outcomes.filter((o) => o.body.includes('"VALIDATION_FAILED"')).length).toBeGreaterThan(500);
  }, 900_000);
});
