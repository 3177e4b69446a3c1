import { MidwayWebRouterService, RouterInfo } from '@midwayjs/core';
import { hasPermission, Permission, Role, staffRoles } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, createStaff, dataSourceOf } from './support/staff-fixtures';
import { loginStaff } from './support/staff-session';
import { mpLogin } from './support/mp-fixtures';
import { isPublicRoute, requiredKind } from '../src/core/auth/public.decorator';
import type { PrincipalKind } from '../src/core/auth/principal';
import { requiredPermission, requiredRole } from '../src/core/auth/require-permission.decorator';
import { MpUser } from '../src/modules/mp-user/mp-user.entity';

/**
 * The access-control matrix: every route of the running app (from Midway's own router table, so a
 * new endpoint is covered the moment it exists) × every role at its front door × anonymous. The
 * expected class of answer is derived from the route's declared metadata and the shared
 * role → permission table, never written out by hand:
 *
 *   @Public                          → reachable by everyone (never AUTH_REQUIRED / FORBIDDEN)
 *   anonymous                        → 401 AUTH_REQUIRED
 *   @ForPrincipal(other front door)  → 403 FORBIDDEN
 *   @RequirePermission(p), p missing → 403 FORBIDDEN
 *   otherwise                        → reachable: anything but 401/403 (400/404 for dummy input)
 *
 * It also refuses routes that declare too little: a staff route needs @Public or
 * @RequirePermission unless it is self-service (SELF_SERVICE), and every non-public route must name
 * its front door.
 */

const backend = currentBackend();

/** Staff routes open to every signed-in staff member by design: one's own profile and session. */
const SELF_SERVICE = [/^\/api\/admin\/me$/, /^\/api\/admin\/auth\//];

/** Roles at the mini-program door: residents, party members and grid workers (who use both apps). */
const MP_ROLES: Role[] = ['resident', 'party_member', 'grid_worker'];

interface Identity {
  label: string;
  kind: PrincipalKind | null;
  roles: Role[];
  auth: string | null;
  /** Signs in again (after a route such as logout-all ended the session). */
  relogin: () => Promise<string>;
}

interface Route {
  method: string;
  path: string;
  controller: new (...args: never[]) => unknown;
  handler: string;
}

type Expectation = 'reachable' | 'unauthenticated' | 'forbidden';

function expectationFor(route: Route, who: Identity): Expectation {
  if (isPublicRoute(route.controller, route.handler)) return 'reachable';
  if (!who.kind) return 'unauthenticated';
  const kind = requiredKind(route.controller);
  if (kind && kind !== who.kind) return 'forbidden';
  const role = requiredRole(route.controller);
  if (role && !who.roles.includes(role)) return 'forbidden';
  const permission = requiredPermission(route.controller, route.handler);
  if (permission && !hasPermission(who.roles, permission)) return 'forbidden';
  return 'reachable';
}

function matches(expected: Expectation, status: number, code: string | undefined): boolean {
  const authFailure = status === 401 && ['AUTH_REQUIRED', 'AUTH_TOKEN_INVALID', 'AUTH_TOKEN_EXPIRED'].includes(code ?? '');
  const forbidden = status === 403 && code === 'FORBIDDEN';
  if (expected === 'unauthenticated') return status === 401 && code === 'AUTH_REQUIRED';
  if (expected === 'forbidden') return forbidden;
  return !authFailure && !forbidden && status < 500;
}

const DUMMY_ID = '00000000-0000-4000-8000-00000000beef';
const concrete = (path: string) => path.replace(/:[A-Za-z_]+/g, DUMMY_ID);

describe(`access-control matrix on ${backend.name}`, () => {
  let t: TestApp;
  let routes: Route[];
  const identities: Identity[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend);
    const table = await (await t.get(MidwayWebRouterService)).getFlattenRouterTable();
    routes = table.map((r: RouterInfo) => ({
      method: r.requestMethod.toUpperCase(),
      path: String(r.fullUrl ?? r.url),
      controller: r.controllerClz as Route['controller'],
      handler: String(r.method),
    }));

    // Every login happens before the matrix runs, so nothing the matrix does (throttling of
    // failed attempts, captchas) can get in the way of the fixtures.
    const town = await createRegion(t, '青山镇', 'town');
    identities.push({ label: 'anonymous', kind: null, roles: [], auth: null, relogin: async () => '' });
    for (const role of staffRoles) {
      const staff = await createStaff(t, { username: `matrix.${role}`, roles: [role], region: town });
      const relogin = async () => `Bearer ${(await loginStaff(t, staff.username)).accessToken}`;
      identities.push({ label: `staff ${role}`, kind: 'staff', roles: [role], auth: await relogin(), relogin });
    }
    const users = (await dataSourceOf(t)).getRepository(MpUser);
    for (const role of MP_ROLES) {
      const identity = `matrix-${role}`;
      const first = await mpLogin(t, identity);
      await users.update({ id: first.id }, { roles: [role] });
      // A fresh login carries the new roles in its token.
      const relogin = async () => (await mpLogin(t, identity)).auth;
      identities.push({ label: `mp ${role}`, kind: 'mp', roles: [role], auth: await relogin(), relogin });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the routes of every module in the router table', () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'GET /api/admin/me',
        'GET /api/admin/users',
        'PATCH /api/admin/users/:id',
        'GET /api/admin/roles',
        'GET /api/admin/regions',
        'GET /api/admin/audit',
        'GET /api/mp/me',
      ]),
    );
  });

  it('has no staff route without @Public or @RequirePermission (except self-service)', () => {
    const undeclared = routes.filter((r) => {
      const staff = requiredKind(r.controller) === 'staff' || r.path.startsWith('/api/admin');
      if (!staff || isPublicRoute(r.controller, r.handler) || requiredPermission(r.controller, r.handler)) return false;
      return !SELF_SERVICE.some((pattern) => pattern.test(r.path));
    });
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('has no signed-in route that leaves its front door open', () => {
    const open = routes.filter((r) => !isPublicRoute(r.controller, r.handler) && !requiredKind(r.controller));
    expect(open.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answers every route × identity with the class its declarations promise', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const route of routes) {
      for (const who of identities) {
        const expected = expectationFor(route, who);
        const req = t.http()[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](concrete(route.path));
        if (who.auth) req.set('Authorization', who.auth);
        const res = route.method === 'GET' || route.method === 'HEAD' ? await req : await req.send({});
        calls += 1;
        const code = (res.body as { error?: { code?: string } })?.error?.code;
        if (!matches(expected, res.status, code)) {
          const required = requiredPermission(route.controller, route.handler) ?? '-';
          mismatches.push(`${route.method} ${route.path} as ${who.label} (needs ${required}): expected ${expected}, got ${res.status} ${code ?? ''}`);
        }
        // A successful call may have ended the caller's own session (logout, logout-all): sign in again.
        if (who.auth && res.status < 300) {
          const probe = await t.http().get(who.kind === 'staff' ? '/api/admin/me' : '/api/mp/me').set('Authorization', who.auth);
          if (probe.status === 401) who.auth = await who.relogin();
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(routes.length * identities.length);
  });

  it('derives its expectations from the shared table (spot checks)', () => {
    const byPath = (method: string, path: string) => routes.find((r) => r.method === method && r.path === path) as Route;
    const as = (label: string) => identities.find((i) => i.label === label) as Identity;
    const users = byPath('GET', '/api/admin/users');
    expect(expectationFor(users, as('staff village_admin'))).toBe('reachable');
    expect(expectationFor(users, as('staff auditor'))).toBe('forbidden');
    expect(expectationFor(users, as('mp grid_worker'))).toBe('forbidden');
    expect(expectationFor(users, as('anonymous'))).toBe('unauthenticated');
    const audit = byPath('GET', '/api/admin/audit');
    expect(expectationFor(audit, as('staff auditor'))).toBe('reachable');
    expect(expectationFor(audit, as('staff super_admin'))).toBe('forbidden');
    const pii = byPath('GET', '/api/admin/users/:id/pii');
    expect(requiredPermission(pii.controller, pii.handler)).toBe<Permission>('person:pii:read');
    expect(expectationFor(pii, as('staff town_admin'))).toBe('reachable');
    expect(expectationFor(pii, as('staff super_admin'))).toBe('forbidden');
  });
});
