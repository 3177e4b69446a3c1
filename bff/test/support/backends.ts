import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'crypto';
import Redis from 'ioredis';

/** A storage backend the integration tests run against. */
export interface Backend {
  name: 'sqlite+memory' | 'mysql+redis';
  /** Prepares a fresh, empty database (and Redis namespace); returns env vars and a cleanup. */
  provision(): Promise<{ env: Record<string, string>; dispose(): Promise<void> }>;
}

const runId = () => `${process.pid}_${randomBytes(4).toString('hex')}`;

const sqlite: Backend = {
  name: 'sqlite+memory',
  async provision() {
    const file = `var/test/zhili_${runId()}.sqlite`;
    return {
      env: { DATABASE_URL: `sqlite:${file}`, REDIS_URL: '' },
      async dispose() {
        const { rmSync } = await import('fs');
        const { resolve } = await import('path');
        for (const suffix of ['', '-wal', '-shm'])
          rmSync(resolve(__dirname, '../../..', file + suffix), { force: true });
      },
    };
  },
};

/** Each run gets its own database on the server of TEST_DATABASE_URL, dropped afterwards. */
function mysqlRedis(dbUrl: string, redisUrl: string): Backend {
  return {
    name: 'mysql+redis',
    async provision() {
      const id = runId();
      const dbName = `zhili_test_${id}`;
      const admin = await createConnection({ uri: dbUrl });
      await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
      const url = new URL(dbUrl);
      url.pathname = `/${dbName}`;
      const keyPrefix = `zhili:test:${id}:`;
      return {
        env: { DATABASE_URL: url.toString(), REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix },
        async dispose() {
          const conn = await createConnection({ uri: dbUrl });
          await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
          await conn.end();
          const redis = new Redis(redisUrl);
          let cursor = '0';
          do {
            const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
            if (keys.length) await redis.del(...keys);
            cursor = next;
          } while (cursor !== '0');
          redis.disconnect();
        },
      };
    },
  };
}

/**
 * The backend of this Jest project. The `bff` project runs on SQLite + in-process infra; when
 * TEST_DATABASE_URL and TEST_REDIS_URL are set, jest.config.js adds `bff:mysql+redis`, which runs the
 * same files again (in a fresh module registry, as Midway needs) with ZHILI_TEST_BACKEND=mysql.
 */
export function currentBackend(): Backend {
  if (process.env.ZHILI_TEST_BACKEND !== 'mysql') return sqlite;
  const dbUrl = process.env.TEST_DATABASE_URL;
  const redisUrl = process.env.TEST_REDIS_URL;
  if (!dbUrl || !redisUrl) throw new Error('The mysql+redis project needs both TEST_DATABASE_URL and TEST_REDIS_URL');
  return mysqlRedis(dbUrl, redisUrl);
}
