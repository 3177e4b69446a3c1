import { resolve } from 'path';
import Database from 'better-sqlite3';
import { Backend, currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createStaff, FIXTURE_PASSWORD, staffLogin } from './support/staff-fixtures';
import { startTcpProxy, TcpProxy } from './support/tcp-proxy';

/**
 * A dependency outage is the client's "try again shortly" — 503 SERVICE_UNAVAILABLE with
 * Retry-After and our JSON envelope — never 500 INTERNAL (found: Redis stopped → 1,215 of 1,215
 * requests 500; MariaDB stopped → 1,092 × 500), and a hung database fails requests fast.
 */
const backend = currentBackend();

interface Outage {
  status: number;
  body: { error?: { code: string; message: string } };
  headers: Record<string, string>;
}

function expectOutage(res: Outage): void {
  expect(res.status).toBe(503);
  expect(res.body.error?.code).toBe('SERVICE_UNAVAILABLE');
  expect(res.body.error?.message).toBe('服务暂时不可用，请稍后再试');
  expect(res.headers['retry-after']).toBe('5');
  expect(res.headers['content-type']).toMatch(/application\/json/);
}

/** Polls until the app answers `status` again (the clients reconnect on their own), at most ~15 s. */
async function until(probe: () => Promise<{ status: number }>, status: number): Promise<void> {
  for (let attempt = 0; attempt < 75; attempt++) {
    if ((await probe()).status === status) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app did not answer ${status} again`);
}

if (backend.name === 'mysql+redis') {
  describe('outages of MariaDB and Redis', () => {
    let t: TestApp;
    let db: TcpProxy;
    let redis: TcpProxy;
    let auth: string;

    beforeAll(async () => {
      // The app reaches both services through proxies this test can cut or stall.
      const proxied: Backend = {
        name: backend.name,
        async provision() {
          const provisioned = await backend.provision();
          const dbUrl = new URL(provisioned.env.DATABASE_URL);
          const redisUrl = new URL(provisioned.env.REDIS_URL);
          db = await startTcpProxy(dbUrl.hostname, Number(dbUrl.port || 3306));
          redis = await startTcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
          dbUrl.host = db.address;
          redisUrl.host = redis.address;
          return {
            env: { ...provisioned.env, DATABASE_URL: dbUrl.toString(), REDIS_URL: redisUrl.toString() },
            dispose: provisioned.dispose,
          };
        },
      };
      t = await startTestApp(proxied, { DB_QUERY_TIMEOUT_MS: '1500' });
      await createStaff(t, { username: 'outage.user', roles: ['grid_leader'] });
      auth = `Bearer ${await staffLogin(t, 'outage.user')}`;
    });
    afterAll(async () => {
      await t?.close();
      await db?.close();
      await redis?.close();
    });

    const me = () => t.http().get('/api/admin/me').set('Authorization', auth);

    it('answers 503 with Retry-After while Redis is down, and recovers when it is back', async () => {
      expect((await me()).status).toBe(200);
      redis.cut();
      // Authenticated requests check the revocation watermark in Redis; logins hit its rate limiter.
      expectOutage(await me());
      expectOutage(
        await t.http().post('/api/admin/auth/login').send({ username: 'outage.user', password: 'whatever-Pass1' }),
      );
      redis.restore();
      await until(me, 200);
    });

    it('answers 503 when the database refuses connections, and recovers', async () => {
      db.cut();
      expectOutage(await me());
      db.restore();
      await until(me, 200);
    });

    it('fails fast with 503 when the database hangs (query timeout), instead of holding the request', async () => {
      db.hang();
      // Without DB_QUERY_TIMEOUT_MS this request would wait until the test times out.
      expectOutage(await me());
      db.restore();
      // The connection whose query timed out must not go back to the pool: the next request would
      // queue behind the unanswered query forever.
      await until(me, 200);
    });
  });
} else {
  describe('outage of the embedded SQLite database', () => {
    let t: TestApp;
    let file = '';

    beforeAll(async () => {
      const recording: Backend = {
        name: backend.name,
        async provision() {
          const provisioned = await backend.provision();
          file = resolve(__dirname, '../..', provisioned.env.DATABASE_URL.slice('sqlite:'.length));
          return provisioned;
        },
      };
      t = await startTestApp(recording);
      await createStaff(t, { username: 'locked.user', roles: ['grid_leader'] });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('answers 503 with Retry-After while another process holds the write lock past busy_timeout', async () => {
      // Another process (a backup, a CLI) holding the write lock is SQLite's form of "database busy".
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      try {
        // A login writes its session: it waits busy_timeout (5 s) for the lock, then gives up.
        expectOutage(
          await t
            .http()
            .post('/api/admin/auth/login')
            .set('X-Forwarded-For', '10.9.0.1')
            .send({ username: 'locked.user', password: FIXTURE_PASSWORD }),
        );
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      expect(
        (
          await t
            .http()
            .post('/api/admin/auth/login')
            .set('X-Forwarded-For', '10.9.0.2')
            .send({ username: 'locked.user', password: FIXTURE_PASSWORD })
        ).status,
      ).toBe(200);
    });
  });
}
