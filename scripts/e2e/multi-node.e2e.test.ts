import { randomBytes } from 'crypto';
import { join } from 'path';
import { io, type Socket } from 'socket.io-client';
import type { CaseListItemVO, MpCaseDetailVO } from '@zhili/shared';
import { DEMO_APPID, DevSecrets, freshPiiKeys, repoRoot } from '../launcher/dev-env';
import { Stack, startStack } from '../launcher/stack';
import { caseBody, pointsInGrids } from '../bench/lib/case-load';
import { loginMpUser } from '../bench/lib/mp-login';

/**
 * Two BFF processes behind one MariaDB and one Redis, as a scaled deployment runs them: a resident
 * files a case on node A, and a staff member whose socket is connected to node B sees it arrive live
 * (the case event crosses nodes through socket.io's Redis adapter); rate limits count requests to
 * both nodes in one budget (rate-limiter-flexible on Redis). Needs TEST_DATABASE_URL and
 * TEST_REDIS_URL; skipped without them unless CI=true.
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL;
const configured = Boolean(DATABASE_URL && REDIS_URL);
if (!configured && process.env.CI === 'true')
  throw new Error('CI=true but TEST_DATABASE_URL / TEST_REDIS_URL are not set');
const describeServices = configured ? describe : describe.skip;

interface BenchSupport {
  prepareBenchTown(
    databaseUrl: string,
    username: string,
    password: string,
  ): Promise<{ regions: { id: string; level: string; boundary: never }[] }>;
}

describeServices('two BFF nodes on MariaDB + Redis', () => {
  const dbName = `zhili_e2e_nodes_${process.pid}`;
  const keyPrefix = `zhili-e2e-nodes-${process.pid}:`;
  /** socket.io's Redis adapter publishes room emits on `<key>#/#…` and asks other nodes on `<key>-request#/#`. */
  const adapterKey = `${keyPrefix}socket.io`;
  const adminUri = (DATABASE_URL ?? '').replace(/^mariadb:/, 'mysql:');
  let nodeA: Stack;
  let nodeB: Stack;
  let staffSocket: Socket;
  let staffTokens: { accessToken: string; refreshToken: string };
  let databaseUrl: string;
  let grids: { id: string; boundary: never }[];

  beforeAll(async () => {
    const { createConnection } = await import('mysql2/promise');
    const admin = await createConnection({ uri: adminUri });
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const url = new URL(DATABASE_URL as string);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    const secrets: DevSecrets = {
      JWT_SECRET: randomBytes(48).toString('base64url'),
      WECHAT_APPID: DEMO_APPID,
      WECHAT_SECRET: randomBytes(16).toString('hex'),
      ...freshPiiKeys(),
    };
    const common = {
      secrets,
      port: 0,
      simPort: 0,
      databaseUrl,
      redisUrl: REDIS_URL,
      onLine: () => undefined,
      extraEnv: { REDIS_KEY_PREFIX: keyPrefix },
    };
    // One after the other: the first migrates and seeds, the second finds both done. Both deliver
    // outbox messages, so whichever node sends the event, it must cross to B through Redis.
    nodeA = await startStack(common);
    nodeB = await startStack(common);
    const password = `Nodes-${randomBytes(9).toString('base64url')}7!`;
    const support = require(join(repoRoot, 'bff/dist/seed/bench-support')) as BenchSupport;
    const town = await support.prepareBenchTown(databaseUrl, 'e2e.nodes', password);
    grids = town.regions.filter((r) => r.level === 'grid');
    const login = await fetch(`${nodeB.bffUrl}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'e2e.nodes', password }),
    });
    staffTokens = ((await login.json()) as { data: { accessToken: string; refreshToken: string } }).data;
    staffSocket = io(nodeB.bffUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: staffTokens.accessToken },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      staffSocket.on('connect', () => resolve());
      staffSocket.on('connect_error', reject);
    });
  }, 120_000);
  afterAll(async () => {
    staffSocket?.disconnect();
    await nodeB?.stop();
    await nodeA?.stop();
    const { createConnection } = await import('mysql2/promise');
    const admin = await createConnection({ uri: adminUri });
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
  });

  it('delivers a case filed on node A to a staff socket on node B, through the socket.io Redis adapter', async () => {
    const { default: Redis } = await import('ioredis');
    const observer = new Redis(REDIS_URL as string);
    try {
      // Both nodes listen on the adapter's request channel, and nobody on a channel of our own.
      const numsub = (await observer.pubsub(
        'NUMSUB',
        `${adapterKey}-request#/#`,
        `${keyPrefix}realtime:broadcast`,
      )) as (string | number)[];
      expect(numsub).toEqual([`${adapterKey}-request#/#`, 2, `${keyPrefix}realtime:broadcast`, 0]);
      const published: { channel: string; body: Buffer }[] = [];
      observer.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, body: Buffer) =>
        published.push({ channel: channel.toString(), body }),
      );
      await observer.psubscribe(`${adapterKey}#/#*`);
      // Other cases' events (the seeded town's) may arrive too: look for this one.
      const received: CaseListItemVO[] = [];
      staffSocket.on('case:changed', (payload: { case: CaseListItemVO }) => received.push(payload.case));
      const token = await loginMpUser(nodeA.simUrl, nodeA.bffUrl, DEMO_APPID, 'nodes-resident');
      const [point] = pointsInGrids(grids, 1);
      const res = await fetch(`${nodeA.bffUrl}/api/mp/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(caseBody(0, ['road'], point)),
      });
      expect(res.status).toBe(201);
      const filed = ((await res.json()) as { data: MpCaseDetailVO }).data;
      const deadline = Date.now() + 10_000;
      while (!received.some((c) => c.id === filed.id) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received.find((c) => c.id === filed.id)?.no).toBe(filed.no);
      // It went out on the adapter's broadcast channel (several scope rooms: no room suffix);
      // msgpack keeps strings as UTF-8, so the case id is readable in the message.
      expect(published.some((m) => m.channel === `${adapterKey}#/#` && m.body.includes(filed.id))).toBe(true);
    } finally {
      observer.disconnect();
    }
  });

  it('counts requests to both nodes in one rate budget: mini-program logins from one address hit 429 at the combined limit', async () => {
    const { default: Redis } = await import('ioredis');
    const observer = new Redis(REDIS_URL as string);
    try {
      const login = (node: Stack, i: number) =>
        fetch(`${node.bffUrl}/api/mp/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: `forged-${i}` }),
        });
      // The budget is MP_LOGIN_LIMIT (60 a minute per client address), counted under one Redis key
      // for this address; earlier tests may have spent some of it.
      const limit = 60;
      const statuses = [(await login(nodeA, 0)).status];
      const keys = await observer.keys(`${keyPrefix}rate:mp.login:*`);
      expect(keys).toHaveLength(1);
      const key = keys[0];
      const spent = Number(await observer.get(key));
      // One at a time, alternating: each node alone sees about half of the budget.
      for (let i = spent; i < limit; i += 1) statuses.push((await login(i % 2 ? nodeB : nodeA, i)).status);
      expect(statuses.filter((s) => s === 429)).toEqual([]);
      expect(Number(await observer.get(key))).toBe(limit);
      for (const node of [nodeA, nodeB]) {
        const refused = await login(node, limit);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(((await refused.json()) as { error: { code: string; message: string } }).error).toEqual({
          code: 'RATE_LIMITED',
          message: '操作过于频繁，请稍后再试',
        });
      }
    } finally {
      observer.disconnect();
    }
  });

  it('ends the staff socket on node B when its session logs out on node A, and it cannot reconnect with that token', async () => {
    const closed = new Promise<string>((resolve) =>
      staffSocket.once('disconnect', (reason) => resolve(String(reason))),
    );
    const logout = await fetch(`${nodeA.bffUrl}/api/admin/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staffTokens.accessToken}` },
      body: JSON.stringify({ refreshToken: staffTokens.refreshToken }),
    });
    expect(logout.status).toBe(200);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reason = await Promise.race([
      closed,
      new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still connected'), 5_000))),
    ]);
    clearTimeout(timer);
    expect(reason).toBe('io server disconnect');

    // The ended session cannot come back through node B's handshake either.
    const retry = io(nodeB.bffUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: staffTokens.accessToken },
      reconnection: false,
    });
    const refused = await new Promise<string>((resolve) => {
      retry.once('connect', () => resolve('connected'));
      retry.once('connect_error', (err) => resolve(err.message));
    });
    retry.disconnect();
    expect(refused).toBe('AUTH_TOKEN_INVALID');
  });
});
