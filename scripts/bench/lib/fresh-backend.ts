// A throwaway database (and Redis key space) per benchmark run, removed again by the cleanup, so a
// run never reads or pollutes the developer's data and two runs never see each other's rows.
import { rmSync } from 'fs';
import { join } from 'path';
import { defer } from './cleanup';
import { benchDir } from './report';

export type BackendName = 'sqlite' | 'mariadb';

export interface Backend {
  name: BackendName;
  databaseUrl: string;
  redisUrl?: string;
  /** REDIS_KEY_PREFIX for the BFF: keys and pub/sub channels of this run only. */
  redisKeyPrefix?: string;
}

export const BENCH_MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mariadb://zhili:zhili_dev_pw@127.0.0.1:3306/mysql';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

const mysqlUri = (url: string) => url.replace(/^mariadb:/, 'mysql:');

/**
 * A fresh database for `tag`; null (with the reason printed) when MariaDB or Redis is unreachable,
 * so a machine without them still gets the SQLite figures.
 */
export async function provisionBackend(name: BackendName, tag: string): Promise<Backend | null> {
  if (name === 'sqlite') {
    const file = join(benchDir, `tmp-${tag}-${process.pid}.sqlite`);
    defer(`remove temp sqlite ${file}`, () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    });
    return { name, databaseUrl: `sqlite:${file}` };
  }
  try {
    const { createConnection } = await import('mysql2/promise');
    const Redis = (await import('ioredis')).default;
    const redis = new Redis(BENCH_REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0 });
    await redis.connect();
    await redis.ping();
    redis.disconnect();
    const dbName = `zhili_bench_${tag}_${process.pid}`;
    const admin = await createConnection({ uri: mysqlUri(BENCH_MYSQL_URL), connectTimeout: 3000 });
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    defer(`drop temp mariadb database ${dbName}`, async () => {
      const conn = await createConnection({ uri: mysqlUri(BENCH_MYSQL_URL) });
      await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await conn.end();
    });
    const redisKeyPrefix = `zhili-bench-${tag}-${process.pid}:`;
    defer(`delete redis keys ${redisKeyPrefix}*`, () => deleteRedisKeys(redisKeyPrefix));
    const url = new URL(BENCH_MYSQL_URL);
    url.pathname = `/${dbName}`;
    return { name, databaseUrl: url.toString(), redisUrl: BENCH_REDIS_URL, redisKeyPrefix };
  } catch (err) {
    console.error(
      `  跳过 MariaDB + Redis：${(err as Error).message}（设置 BENCH_MYSQL_URL / BENCH_REDIS_URL 指向可用的服务）`,
    );
    return null;
  }
}

/** Rate counters, locks and caches of the run (they would otherwise linger until their TTLs). */
async function deleteRedisKeys(prefix: string): Promise<void> {
  const Redis = (await import('ioredis')).default;
  const redis = new Redis(BENCH_REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** The databases to run, from the comma list in `variable` (e.g. `mariadb,sqlite`), in that order. */
export function backendsFromEnv(variable: string, fallback: BackendName[]): BackendName[] {
  const raw = process.env[variable];
  if (!raw || raw.trim() === '') return fallback;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => n !== 'sqlite' && n !== 'mariadb');
  if (bad.length > 0) throw new Error(`${variable} accepts sqlite and mariadb, got "${raw}"`);
  return names as BackendName[];
}
