import { randomUUID } from 'crypto';
import { MidwayWebRouterService, RouterInfo } from '@midwayjs/core';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, createStaff, staffWithToken } from './support/staff-fixtures';
import { requiredPermission } from '../src/core/auth/require-permission.decorator';
import { PII_READ_LIMIT, rateLimitsOf } from '../src/core/http/rate-limit';

/**
 * One `pii.read` budget per staff user for every unmasked personal-data read: persons, case
 * reporters, staff users, businesses and residents spend the same budget, so switching record types
 * does not multiply it (issue #11: persons and case reporters were not throttled at all).
 */
const backend = currentBackend();

describe(`pii.read limit on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('applies the one pii.read limit to every route that needs person:pii:read', async () => {
    const table = await (await t.get(MidwayWebRouterService)).getFlattenRouterTable();
    const piiRoutes = table.filter(
      (r: RouterInfo) => requiredPermission(r.controllerClz as object, String(r.method)) === 'person:pii:read',
    );
    const paths = piiRoutes.map((r) => String(r.fullUrl ?? r.url)).sort();
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/admin/businesses/:id/pii',
        '/api/admin/cases/:id/pii',
        '/api/admin/persons/:id/pii',
        '/api/admin/residents/:id/pii',
        '/api/admin/users/:id/pii',
      ]),
    );
    for (const route of piiRoutes) {
      const rules = rateLimitsOf(route.controllerClz as object, String(route.method)).filter(
        (r) => r.name === PII_READ_LIMIT.name,
      );
      expect({ route: route.fullUrl, rules }).toEqual({ route: route.fullUrl, rules: [PII_READ_LIMIT] });
    }
  });

  it('counts reads across persons, case reporters, users, businesses and residents, per staff user', async () => {
    const town = await createRegion(t, `限流镇${randomUUID().slice(0, 6)}`, 'town');
    const reader = await staffWithToken(t, {
      username: `pii.reader.${randomUUID().slice(0, 6)}`,
      roles: ['village_admin'],
      grants: ['person:pii:read'],
      region: town,
    });
    const colleague = await staffWithToken(t, {
      username: `pii.other.${randomUUID().slice(0, 6)}`,
      roles: ['village_admin'],
      grants: ['person:pii:read'],
      region: town,
    });
    const noPii = await staffWithToken(t, {
      username: `pii.none.${randomUUID().slice(0, 6)}`,
      roles: ['village_admin'],
      region: town,
    });
    const target = await createStaff(t, {
      username: `pii.target.${randomUUID().slice(0, 6)}`,
      roles: ['grid_worker'],
      region: town,
    });
    const missing = randomUUID();
    const urls = [
      `/api/admin/users/${target.id}/pii`,
      `/api/admin/persons/${missing}/pii`,
      `/api/admin/cases/${missing}/pii`,
      `/api/admin/businesses/${missing}/pii`,
      `/api/admin/residents/${missing}/pii`,
    ];
    const read = (auth: string, url: string) => t.http().get(url).set('Authorization', auth);

    // Refused callers (no permission) spend nobody's budget: the limit runs after the auth guard.
    for (const url of urls) expect((await read(noPii.auth, url)).status).toBe(403);

    const perRoute = PII_READ_LIMIT.limit / urls.length;
    expect(Number.isInteger(perRoute)).toBe(true);
    const statuses: number[] = [];
    for (let i = 0; i < perRoute; i += 1) for (const url of urls) statuses.push((await read(reader.auth, url)).status);
    // A real record answers 200, unknown ones 404: both are reads (or probes) of personal data.
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBe(perRoute);

    // The budget is spent: every kind of PII read is now refused, whichever route spent it.
    for (const url of urls) {
      const res = await read(reader.auth, url);
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
        url,
        status: 429,
        code: 'RATE_LIMITED',
      });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(PII_READ_LIMIT.windowSec);
    }
    // Per staff user: a colleague's budget is untouched.
    expect((await read(colleague.auth, urls[0])).status).toBe(200);
  });
});
