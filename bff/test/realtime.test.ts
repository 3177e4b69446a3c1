import { io, Socket } from 'socket.io-client';
import type { HealthReport } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { devLoginCode, startTestApp, TestApp } from './support/test-app';
import { StaffService } from '../src/modules/staff';
import { StaffUser } from '../src/modules/staff/staff-user.entity';
import { createStaff, dataSourceOf, staffLogin } from './support/staff-fixtures';

const backend = currentBackend();
const dbKind = backend.name === 'mysql+redis' ? 'mysql' : 'sqlite';
const cacheKind = backend.name === 'mysql+redis' ? 'redis' : 'memory';

describe(`realtime (socket.io) on ${backend.name}`, () => {
  let t: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend);
    const watcher = await (
      await t.get(StaffService)
    ).create({
      username: 'rt.watcher',
      displayName: '值班员',
      password: 'Correct-Horse-9',
      // A role without mandatory MFA: the login answers tokens at once.
      roles: ['grid_leader'],
    });
    // A new account must change its password first, and such a token opens no socket.
    await (await dataSourceOf(t)).getRepository(StaffUser).update({ id: watcher.id }, { mustChangePassword: false });
    // Server internals go only to whoever may open 系统状态 (the super admin's permission, granted
    // here to a role without mandatory MFA so the login answers tokens at once).
    await createStaff(t, { username: 'rt.sysadmin', roles: ['grid_leader'], grants: ['system:status'] });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t?.close();
  });

  /** A client as the admin portal opens it: `auth.token`, path /socket.io, no reconnection. */
  function open(auth: Record<string, string>): Socket {
    const socket = io(t.url, {
      path: '/socket.io',
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return socket;
  }

  /** Resolves with the connect_error message, or fails if the socket connects instead. */
  function refusal(socket: Socket): Promise<string> {
    return new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected, but should have been refused')));
      socket.once('connect_error', (err) => resolve(err.message));
    });
  }

  function connected(socket: Socket): Promise<void> {
    return new Promise((resolve, reject) => {
      if (socket.connected) return resolve();
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(new Error(`connect_error ${err.message}`)));
    });
  }

  function collectHealth(socket: Socket): HealthReport[] {
    const received: HealthReport[] = [];
    socket.on('health', (report: HealthReport) => received.push(report));
    return received;
  }

  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  async function staffToken(): Promise<string> {
    const res = await t
      .http()
      .post('/api/admin/auth/login')
      .send({ username: 'rt.watcher', password: 'Correct-Horse-9' });
    expect(res.status).toBe(200);
    return res.body.data.accessToken as string;
  }

  async function miniProgramToken(identity: string): Promise<string> {
    const res = await t
      .http()
      .post('/api/mp/auth/login')
      .send({ code: await devLoginCode(t.sim, identity) });
    expect(res.status).toBe(200);
    return res.body.data.accessToken as string;
  }

  it('refuses a handshake without a token with AUTH_REQUIRED', async () => {
    expect(await refusal(open({}))).toBe('AUTH_REQUIRED');
  });

  it('refuses an empty token with AUTH_REQUIRED', async () => {
    expect(await refusal(open({ token: '' }))).toBe('AUTH_REQUIRED');
  });

  it('refuses a garbage or forged token with AUTH_TOKEN_INVALID', async () => {
    expect(await refusal(open({ token: 'not-a-jwt' }))).toBe('AUTH_TOKEN_INVALID');
    expect(await refusal(open({ token: 'eyJhbGciOiJub25lIn0.e30.' }))).toBe('AUTH_TOKEN_INVALID');
  });

  it('sends a system-status socket the health report on connect, with status ok and the configured backends', async () => {
    const socket = open({ token: await staffLogin(t, 'rt.sysadmin') });
    const first = new Promise<HealthReport>((resolve) => socket.once('health', resolve));
    await connected(socket);
    const report = await first;
    expect(report).toMatchObject({
      status: 'ok',
      db: dbKind,
      cache: cacheKind,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      checks: { db: { ok: true }, cache: { ok: true } },
    });
    socket.disconnect();
  });

  it('keeps pushing health to system-status staff periodically, never to other staff or a mini-program socket', async () => {
    const [adminAuth, officialAuth, residentAuth] = [
      await staffLogin(t, 'rt.sysadmin'),
      await staffToken(),
      await miniProgramToken('rt-resident'),
    ];
    const admin = open({ token: adminAuth });
    const official = open({ token: officialAuth });
    const resident = open({ token: residentAuth });
    const toAdmin = collectHealth(admin);
    const toOfficial = collectHealth(official);
    const toResident = collectHealth(resident);
    await Promise.all([connected(admin), connected(official), connected(resident)]);
    // HEALTH_PUSH_INTERVAL_MS is 300 in tests: ~1 s gives the on-connect push plus periodic ones.
    await sleep(1000);
    expect(official.connected && resident.connected).toBe(true);
    expect(toOfficial).toEqual([]);
    expect(toResident).toEqual([]);
    expect(toAdmin.length).toBeGreaterThanOrEqual(2);
    expect(toAdmin.every((r) => r.status === 'ok' && r.db === dbKind)).toBe(true);
    for (const socket of [admin, official, resident]) socket.disconnect();
  });

  it('lets a mini-program token connect without receiving health on its own', async () => {
    const resident = open({ token: await miniProgramToken('rt-alone') });
    const received = collectHealth(resident);
    await connected(resident);
    await sleep(1000);
    expect(resident.connected).toBe(true);
    expect(received).toEqual([]);
    resident.disconnect();
  });
});
