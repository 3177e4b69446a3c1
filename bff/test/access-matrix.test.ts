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
 * Consistency alone would pass with a wrong grant in both places, so a hand-written table
 * (EXPECTED_ACCESS) pins who may reach the most important routes independently.
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
  const authFailure =
    status === 401 && ['AUTH_REQUIRED', 'AUTH_TOKEN_INVALID', 'AUTH_TOKEN_EXPIRED'].includes(code ?? '');
  const forbidden = status === 403 && code === 'FORBIDDEN';
  if (expected === 'unauthenticated') return status === 401 && code === 'AUTH_REQUIRED';
  if (expected === 'forbidden') return forbidden;
  return !authFailure && !forbidden && status < 500;
}

const DUMMY_ID = '00000000-0000-4000-8000-00000000beef';
const concrete = (path: string) => path.replace(/:[A-Za-z_]+/g, DUMMY_ID);

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One call with an empty body (dummy ids, so a reachable route answers 2xx, 400 or 404). */
async function call(
  t: TestApp,
  method: string,
  path: string,
  auth: string | null,
): Promise<{ status: number; code?: string }> {
  const request = t.http()[method.toLowerCase() as Method](concrete(path));
  const req = auth ? request.set('Authorization', auth) : request;
  const res = method === 'GET' || method === 'HEAD' ? await req : await req.send({});
  return { status: res.status, code: (res.body as { error?: { code?: string } })?.error?.code };
}

const ALL_STAFF = [
  'grid_worker',
  'grid_leader',
  'community_admin',
  'village_admin',
  'town_admin',
  'party_secretary',
  'auditor',
  'super_admin',
].map((r) => `staff ${r}`);
const ALL_MP = ['mp resident', 'mp party_member', 'mp grid_worker'];
const staff = (...roles: string[]) => roles.map((r) => `staff ${r}`);
const REGION_ADMINS = staff('community_admin', 'village_admin', 'town_admin');
const SURVEY_STAFF = staff('community_admin', 'village_admin', 'town_admin', 'party_secretary');

/**
 * Who may reach the routes that matter most, written out by hand from the duties in docs/SECURITY.md:
 * not read from the decorators or the shared role table the guard itself uses, so a wrong decorator or
 * a wrong grant in the table fails here. Every identity not listed is refused: 401 when anonymous,
 * 403 otherwise. 'everyone' includes anonymous.
 */
const EXPECTED_ACCESS: Record<string, readonly string[] | 'everyone'> = {
  'GET /api/health': 'everyone',
  'GET /api/admin/me': ALL_STAFF,
  // The auditor reads the audit log and nothing of the town's work.
  'GET /api/admin/dashboard': ALL_STAFF.filter((who) => who !== 'staff auditor'),
  'GET /api/admin/users': [...REGION_ADMINS, ...staff('party_secretary', 'super_admin')],
  'POST /api/admin/users': [...REGION_ADMINS, ...staff('super_admin')],
  // Unmasked ID and phone numbers: the town admin only; the super admin manages accounts, not people.
  'GET /api/admin/users/:id/pii': staff('town_admin'),
  'GET /api/admin/roles': [...REGION_ADMINS, ...staff('auditor', 'super_admin')],
  'GET /api/admin/audit': staff('auditor'),
  'GET /api/admin/audit/verify': staff('auditor'),
  'GET /api/admin/cases': [...staff('grid_worker', 'grid_leader'), ...REGION_ADMINS],
  'POST /api/admin/persons': REGION_ADMINS,
  'GET /api/admin/registry/exports/persons': REGION_ADMINS,
  // Party work: the town admin (all organisations) and party secretaries (their assigned ones).
  'GET /api/admin/party/orgs': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/orgs/:id/dissolve': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/members': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/admissions/:id/steps': staff('town_admin', 'party_secretary'),
  'GET /api/admin/party/members/:id/pii': staff('town_admin'),
  'POST /api/admin/party/meetings': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/meetings/:id/check-in-token': staff('town_admin', 'party_secretary'),
  'PUT /api/admin/party/members/:id/mp-account': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/meetings/:id/leave/:memberId': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/notices': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/notices/:id/publish': staff('town_admin', 'party_secretary'),
  'PUT /api/admin/party/meetings/:id': staff('town_admin', 'party_secretary'),
  'PUT /api/admin/party/notices/:id': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/notices/:id/withdraw': staff('town_admin', 'party_secretary'),
  'GET /api/admin/party/honours': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/honours/:id/submit': staff('town_admin', 'party_secretary'),
  // Approving an honour is the secretary's step (party:honour:approve), the town admin's for the whole town.
  'POST /api/admin/party/honours/:id/review': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/plans': staff('town_admin', 'party_secretary'),
  'DELETE /api/admin/party/plans/:id': staff('town_admin', 'party_secretary'),
  'PUT /api/admin/party/pledges/:id/fulfilment': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/appraisals/:id/publish': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/archive/imports': staff('town_admin', 'party_secretary'),
  'GET /api/admin/party/archive/members.xlsx': staff('town_admin', 'party_secretary'),
  'GET /api/admin/party/archive/report': staff('town_admin', 'party_secretary'),
  'POST /api/admin/party/documents': staff('town_admin', 'party_secretary'),
  'DELETE /api/admin/party/documents/:id': staff('town_admin', 'party_secretary'),
  'GET /api/admin/party/contacts': staff('town_admin', 'party_secretary'),
  // The party school's progress analysis (study:manage): the town admin and party secretaries.
  'GET /api/admin/study/analysis/laggards': staff('town_admin', 'party_secretary'),
  'POST /api/admin/study/analysis/reminders': staff('town_admin', 'party_secretary'),
  'GET /api/admin/study/analysis/report.xlsx': staff('town_admin', 'party_secretary'),
  // Dues bases, bills and arrears (#16, dues:manage): the town admin and party secretaries.
  'GET /api/admin/dues/declarations': staff('town_admin', 'party_secretary'),
  'PUT /api/admin/dues/declarations/:memberId/:year': staff('town_admin', 'party_secretary'),
  'GET /api/admin/dues/bills': staff('town_admin', 'party_secretary'),
  'POST /api/admin/dues/bills/generate': staff('town_admin', 'party_secretary'),
  'POST /api/admin/dues/bills/special': staff('town_admin', 'party_secretary'),
  'POST /api/admin/dues/bills/:id/cash': staff('town_admin', 'party_secretary'),
  'POST /api/admin/dues/bills/:id/proxy': staff('town_admin', 'party_secretary'),
  'POST /api/admin/dues/bills/:id/waive': staff('town_admin', 'party_secretary'),
  'GET /api/admin/dues/arrears': staff('town_admin', 'party_secretary'),
  'POST /api/admin/dues/arrears/:memberId/remind': staff('town_admin', 'party_secretary'),
  // A member's own dues screen, base and voluntary extra (party_member only).
  'GET /api/mp/dues': ['mp party_member'],
  'PUT /api/mp/dues/declaration': ['mp party_member'],
  'POST /api/mp/dues/voluntary': ['mp party_member'],
  'POST /api/mp/dues/prepay': ['mp party_member'],
  // Dues reports and spending (#16, dues:manage): the town admin and party secretaries.
  'GET /api/admin/dues/reports/monthly': staff('town_admin', 'party_secretary'),
  'GET /api/admin/dues/reports/monthly/export': staff('town_admin', 'party_secretary'),
  'GET /api/admin/dues/spending': staff('town_admin', 'party_secretary'),
  'POST /api/admin/dues/spending': staff('town_admin', 'party_secretary'),
  'DELETE /api/admin/dues/spending/:id': staff('town_admin', 'party_secretary'),
  'GET /api/admin/dues/spending/export': staff('town_admin', 'party_secretary'),
  // Dues refunds and reconciliation (#16, dues:finance): money leaving and the merchant's whole bill — town admin only.
  'POST /api/admin/dues/orders/:outTradeNo/refunds': staff('town_admin'),
  'GET /api/admin/dues/refunds': staff('town_admin'),
  'GET /api/admin/dues/reconciliations': staff('town_admin'),
  'POST /api/admin/dues/reconciliations': staff('town_admin'),
  'POST /api/admin/dues/reconciliations/:date/differences/:id/resolve': staff('town_admin'),
  // Signed by WeChat Pay, no session.
  'POST /api/callbacks/wechatpay/refund': 'everyone',
  // WeChat Pay orders (#16): a member pays their own bills; the payments page (dues:manage); the payment notification.
  'POST /api/mp/dues/orders': ['mp party_member'],
  'GET /api/mp/dues/orders/:outTradeNo': ['mp party_member'],
  'GET /api/admin/dues/orders': staff('town_admin', 'party_secretary'),
  'POST /api/callbacks/wechatpay/payment': 'everyone',
  // Courses (#15): columns, courses, lessons, lesson files and elective requests (study:manage).
  'GET /api/admin/study/columns': staff('town_admin', 'party_secretary'),
  'POST /api/admin/study/columns': staff('town_admin', 'party_secretary'),
  'DELETE /api/admin/study/columns/:id': staff('town_admin', 'party_secretary'),
  'GET /api/admin/study/courses': staff('town_admin', 'party_secretary'),
  'POST /api/admin/study/courses': staff('town_admin', 'party_secretary'),
  'PUT /api/admin/study/courses/:id': staff('town_admin', 'party_secretary'),
  'POST /api/admin/study/courses/:id/publish': staff('town_admin', 'party_secretary'),
  'POST /api/admin/study/courses/:id/lessons': staff('town_admin', 'party_secretary'),
  'POST /api/admin/study/files': staff('town_admin', 'party_secretary'),
  'GET /api/admin/study/enrolments': staff('town_admin', 'party_secretary'),
  'POST /api/admin/study/enrolments/:id/approve': staff('town_admin', 'party_secretary'),
  // A member's school: home, course, elective request and lesson content (party_member only).
  'GET /api/mp/study/home': ['mp party_member'],
  'GET /api/mp/study/courses/:id': ['mp party_member'],
  'POST /api/mp/study/courses/:id/enrolment': ['mp party_member'],
  'GET /api/mp/study/lessons/:id': ['mp party_member'],
  // Points (#15): the rule table and the staff ranking are the school's (study:manage).
  'GET /api/admin/study/points-rules': staff('town_admin', 'party_secretary'),
  'PUT /api/admin/study/points-rules': staff('town_admin', 'party_secretary'),
  'GET /api/admin/study/ranking': staff('town_admin', 'party_secretary'),
  // A member's own study: progress, heartbeats, points and the ranking (party_member only).
  'GET /api/mp/study/lessons/:id/progress': ['mp party_member'],
  'POST /api/mp/study/lessons/:id/heartbeat': ['mp party_member'],
  'GET /api/mp/study/me': ['mp party_member'],
  'GET /api/mp/study/points': ['mp party_member'],
  'GET /api/mp/study/ranking': ['mp party_member'],
  'GET /api/mp/me': ALL_MP,
  'POST /api/mp/bindings/redeem': ALL_MP,
  'GET /api/mp/grid/overview': ['mp grid_worker'],
  'POST /api/mp/party/meetings/:id/check-in': ['mp party_member'],
  'POST /api/mp/party/meetings/:id/leave': ['mp party_member'],
  'GET /api/mp/party/notices/:id': ['mp party_member'],
  'GET /api/mp/party/contacts': ['mp party_member'],
  'GET /api/mp/party/notices/unread-count': ['mp party_member'],
  'GET /api/mp/party/honours': ['mp party_member'],
  'GET /api/mp/party/appraisals': ['mp party_member'],
  // The party section's home answers anyone (member: null for a non-member); the meetings are members'.
  'GET /api/mp/party/me': ALL_MP,
  'GET /api/mp/party/meetings': ['mp party_member'],
  'GET /api/mp/party/meetings/:id': ['mp party_member'],
  // Surveys and appraisals (#15): the school's staff; village and community admins run their residents' 议事协商.
  'GET /api/admin/surveys': SURVEY_STAFF,
  'POST /api/admin/surveys': SURVEY_STAFF,
  'POST /api/admin/surveys/:id/close': SURVEY_STAFF,
  'GET /api/admin/surveys/:id/results.xlsx': SURVEY_STAFF,
  'POST /api/admin/appraisals': SURVEY_STAFF,
  'POST /api/admin/appraisals/:id/close': SURVEY_STAFF,
  'GET /api/mp/surveys': ['mp party_member'],
  'POST /api/mp/surveys/:id/responses': ['mp party_member'],
  // Residents vote in appraisals (群众) and answer consultations: any mini-program user, placed by the BFF.
  'GET /api/mp/appraisals': ALL_MP,
  'POST /api/mp/appraisals/:id/votes': ALL_MP,
  'GET /api/mp/consultations': ALL_MP,
  'POST /api/mp/consultations/:id/responses': ALL_MP,
  // Exams (#15): the school's staff (exam:manage) run the bank and exams; members sit them.
  'GET /api/admin/exam/questions': staff('town_admin', 'party_secretary'),
  'POST /api/admin/exam/questions': staff('town_admin', 'party_secretary'),
  'DELETE /api/admin/exam/questions/:id': staff('town_admin', 'party_secretary'),
  'POST /api/admin/exam/imports': staff('town_admin', 'party_secretary'),
  'POST /api/admin/exam/exams': staff('town_admin', 'party_secretary'),
  'GET /api/admin/exam/exams/:id/results': staff('town_admin', 'party_secretary'),
  'GET /api/admin/exam/exams/:id/results.xlsx': staff('town_admin', 'party_secretary'),
  'GET /api/mp/exams': ['mp party_member'],
  'POST /api/mp/exams/:id/attempts': ['mp party_member'],
  'POST /api/mp/exams/attempts/:id/submit': ['mp party_member'],
  'POST /api/mp/exams/practice/answers': ['mp party_member'],
  'GET /api/mp/exams/practice/wrong-book': ['mp party_member'],
};

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

  it('lets exactly the hand-listed identities through the important routes', async () => {
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(EXPECTED_ACCESS).filter((route) => !known.has(route))).toEqual([]);
    const mismatches: string[] = [];
    for (const [route, allowed] of Object.entries(EXPECTED_ACCESS)) {
      const [method, path] = route.split(' ');
      for (const who of identities) {
        const expected: Expectation =
          allowed === 'everyone' || allowed.includes(who.label)
            ? 'reachable'
            : who.kind
              ? 'forbidden'
              : 'unauthenticated';
        const { status, code } = await call(t, method, path, who.auth);
        if (!matches(expected, status, code))
          mismatches.push(`${route} as ${who.label}: expected ${expected}, got ${status} ${code ?? ''}`);
      }
    }
    expect(mismatches).toEqual([]);
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
        const { status, code } = await call(t, route.method, route.path, who.auth);
        calls += 1;
        if (!matches(expected, status, code)) {
          const required = requiredPermission(route.controller, route.handler) ?? '-';
          mismatches.push(
            `${route.method} ${route.path} as ${who.label} (needs ${required}): expected ${expected}, got ${status} ${code ?? ''}`,
          );
        }
        // A successful call may have ended the caller's own session (logout, logout-all): sign in again.
        if (who.auth && status < 300) {
          const probe = await t
            .http()
            .get(who.kind === 'staff' ? '/api/admin/me' : '/api/mp/me')
            .set('Authorization', who.auth);
          if (probe.status === 401) who.auth = await who.relogin();
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(routes.length * identities.length);
    // Every route × identity, one after the other (a call may end the caller's session): ≈ 20 s on a
    // quiet machine for the ~4,500 calls of the party half, minutes when CI shares the cores.
  }, 600_000);

  it('derives its expectations from the shared table (spot checks)', () => {
    const byPath = (method: string, path: string) =>
      routes.find((r) => r.method === method && r.path === path) as Route;
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
