import { io, Socket } from 'socket.io-client';
import jwt from 'jsonwebtoken';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown, submitCase } from './support/case-fixtures';
import { createStaff, FIXTURE_PASSWORD } from './support/staff-fixtures';
import { loginStaff } from './support/staff-session';
import { OutboxService } from '../src/core/outbox';
import { StaffService } from '../src/modules/staff';
import { RENEW_EVENT, RenewAck } from '../src/core/realtime/socket-sessions';

/**
 * Open sockets live no longer than what authenticated them (issue #11): a logout, log-out-everywhere
 * or disabling ends them at once and they receive nothing afterwards; the handshake refuses what the
 * HTTP guard refuses (pwc tokens); a socket ends when its access token expires unless renewed.
 */
const backend = currentBackend();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** The test app's JWT secret (support/test-app.ts): lets a test mint a short-lived token of a real session. */
const TEST_JWT_SECRET = 'test-jwt-secret-test-jwt-secret-0123456789';

interface Watched {
  socket: Socket;
  cases: string[];
  /** Resolves with the disconnect reason. */
  closed: Promise<string>;
}

describe(`realtime sessions on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let outbox: OutboxService;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    outbox = await t.get(OutboxService);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t?.close();
  });

  function open(token: string): Socket {
    const socket = io(t.url, {
      path: '/socket.io',
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return socket;
  }

  /** A connected socket collecting the ids of `case:changed` events (village A's cases reach grid leader A1 only for grid A1). */
  async function watch(token: string): Promise<Watched> {
    const socket = open(token);
    const cases: string[] = [];
    socket.on('case:changed', (event: { case: { id: string; description?: string } }) => cases.push(event.case.id));
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(String(reason))));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(new Error(`connect_error ${err.message}`)));
    });
    return { socket, cases, closed };
  }

  function refusal(token: string): Promise<string> {
    const socket = open(token);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected, but should have been refused')));
      socket.once('connect_error', (err) => resolve(err.message));
    });
  }

  const within = <T>(promise: Promise<T>, ms: number, what: string) =>
    Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`${what} did not happen within ${ms} ms`)))]);

  /** Files a case in grid A1 and delivers its realtime message; returns the case id. */
  async function fileCase(): Promise<string> {
    const record = await submitCase(t, town, { at: town.points.A1 });
    await outbox.deliverDue(new Date(Date.now() + 1000));
    await sleep(300);
    return record.id;
  }

  it('disconnects the socket of a session that logs out, which then receives nothing, and keeps the other session', async () => {
    const leader = town.staff.leaderA1;
    const ended = await loginStaff(t, leader.username, leader.password);
    const other = await loginStaff(t, leader.username, leader.password);
    const loggedOut = await watch(ended.accessToken);
    const stays = await watch(other.accessToken);
    const before = await fileCase();
    expect(loggedOut.cases).toEqual([before]);

    const res = await t
      .http()
      .post('/api/admin/auth/logout')
      .set('Authorization', `Bearer ${ended.accessToken}`)
      .send({ refreshToken: ended.refreshToken });
    expect(res.status).toBe(200);
    expect(await within(loggedOut.closed, 3000, 'disconnect after logout')).toBe('io server disconnect');
    const after = await fileCase();
    expect(loggedOut.cases).toEqual([before]);
    expect(stays.socket.connected).toBe(true);
    expect(stays.cases).toEqual([before, after]);
    // The ended session cannot come back through the handshake either.
    expect(await refusal(ended.accessToken)).toBe('AUTH_TOKEN_INVALID');
  });

  it('disconnects every socket of a user who is disabled, and of one who logs out everywhere', async () => {
    const target = await createStaff(t, {
      username: `rt.disabled.${Date.now()}`,
      roles: ['grid_leader'],
      region: town.gridA1,
    });
    const pair = await loginStaff(t, target.username);
    const first = await watch(pair.accessToken);
    const second = await watch((await loginStaff(t, target.username)).accessToken);
    const bystander = await watch((await loginStaff(t, town.staff.leaderA1.username)).accessToken);

    const res = await t
      .http()
      .post(`/api/admin/users/${target.id}/disable`)
      .set('Authorization', town.staff.villageA.auth)
      .send({});
    expect(res.status).toBe(200);
    expect(await within(Promise.all([first.closed, second.closed]), 3000, 'disconnect after disable')).toEqual([
      'io server disconnect',
      'io server disconnect',
    ]);
    const after = await fileCase();
    expect([...first.cases, ...second.cases]).toEqual([]);
    expect(bystander.cases).toEqual([after]);
    expect(await refusal(pair.accessToken)).toBe('AUTH_TOKEN_INVALID');

    const everywhere = await createStaff(t, {
      username: `rt.everywhere.${Date.now()}`,
      roles: ['grid_leader'],
      region: town.gridA1,
    });
    const a = await loginStaff(t, everywhere.username);
    const sockets = [await watch(a.accessToken), await watch((await loginStaff(t, everywhere.username)).accessToken)];
    expect(
      (await t.http().post('/api/admin/auth/logout-all').set('Authorization', `Bearer ${a.accessToken}`).send({}))
        .status,
    ).toBe(200);
    await within(Promise.all(sockets.map((s) => s.closed)), 3000, 'disconnect after logout-all');
  });

  it('disconnects the sockets of a session whose rotated refresh token is replayed (the family is revoked)', async () => {
    const pair = await loginStaff(t, town.staff.leaderA1.username);
    const socket = await watch(pair.accessToken);
    const refresh = (refreshToken: string) => t.http().post('/api/admin/auth/refresh').send({ refreshToken });
    expect((await refresh(pair.refreshToken)).status).toBe(200);
    expect(socket.socket.connected).toBe(true);
    // A replay of the rotated token: a sign of theft, so the whole session ends, sockets included.
    expect((await refresh(pair.refreshToken)).status).toBe(401);
    expect(await within(socket.closed, 3000, 'disconnect after a refresh-token replay')).toBe('io server disconnect');
  });

  it('refuses the handshake of a token that must change its password first (pwc), as the HTTP guard does', async () => {
    const username = `rt.pwc.${Date.now()}`;
    await (
      await t.get(StaffService)
    ).create({ username, displayName: username, password: FIXTURE_PASSWORD, roles: ['grid_leader'] });
    const login = await t.http().post('/api/admin/auth/login').send({ username, password: FIXTURE_PASSWORD });
    expect(login.status).toBe(200);
    const token = login.body.data.accessToken as string;
    expect((jwt.decode(token) as { pwc?: boolean }).pwc).toBe(true);
    expect((await t.http().get('/api/admin/cases').set('Authorization', `Bearer ${token}`)).body.error.code).toBe(
      'AUTH_PASSWORD_CHANGE_REQUIRED',
    );
    expect(await refusal(token)).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
  });

  /** The same claims as a real access token (same session), expiring in `seconds`. */
  function shortLived(accessToken: string, seconds: number): string {
    const { exp: _exp, iat: _iat, iss: _iss, ...claims } = jwt.decode(accessToken) as Record<string, unknown>;
    return jwt.sign({ ...claims, ims: Date.now() }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
      issuer: 'zhili-bff',
      expiresIn: seconds,
    });
  }

  it('disconnects a socket when its access token expires', async () => {
    const pair = await loginStaff(t, town.staff.leaderA1.username);
    const opened = Date.now();
    const expiring = await watch(shortLived(pair.accessToken, 3));
    expect(await within(expiring.closed, 8000, 'disconnect at token expiry')).toBe('io server disconnect');
    expect(Date.now() - opened).toBeGreaterThanOrEqual(1500);
  });

  it('keeps a socket whose client renews the token of the same session, and refuses another session’s token', async () => {
    const pair = await loginStaff(t, town.staff.leaderA1.username);
    const foreign = await loginStaff(t, town.staff.leaderA1.username);
    // A refresh keeps the session (refresh-token family), as the admin's token refresh does.
    const refreshed = await t.http().post('/api/admin/auth/refresh').send({ refreshToken: pair.refreshToken });
    expect(refreshed.status).toBe(200);

    const lifetimeSec = 8;
    const opened = Date.now();
    const renewed = await watch(shortLived(pair.accessToken, lifetimeSec));
    const renew = (token: string): Promise<Parameters<RenewAck>[0]> =>
      renewed.socket.timeout(5000).emitWithAck(RENEW_EVENT, token);
    expect(await renew(foreign.accessToken)).toEqual({ ok: false, code: 'AUTH_TOKEN_INVALID' });
    expect(await renew('not-a-jwt')).toEqual({ ok: false, code: 'AUTH_TOKEN_INVALID' });
    expect(await renew(refreshed.body.data.accessToken)).toEqual({ ok: true, expiresAt: expect.any(Number) });

    // Past the first token's expiry the socket is still there, and still receives.
    await sleep(Math.max(0, opened + (lifetimeSec + 1) * 1000 - Date.now()));
    expect(renewed.socket.connected).toBe(true);
    const id = await fileCase();
    expect(renewed.cases).toContain(id);
  });
});
