import { createConnection } from 'mysql2/promise';
import Redis from 'ioredis';

/**
 * When TEST_DATABASE_URL / TEST_REDIS_URL are set, the suite must run against them: an unreachable
 * service fails the whole run loudly instead of quietly testing SQLite only.
 */
export default async function globalSetup(): Promise<void> {
  const dbUrl = process.env.TEST_DATABASE_URL;
  if (dbUrl) {
    try {
      const conn = await createConnection({ uri: dbUrl, connectTimeout: 5000 });
      await conn.query('SELECT 1');
      await conn.end();
    } catch (err) {
      throw new Error(`TEST_DATABASE_URL is set but the database is unreachable: ${(err as Error).message}`);
    }
  }
  const redisUrl = process.env.TEST_REDIS_URL;
  if (redisUrl) {
    const redis = new Redis(redisUrl, {
      lazyConnect: true,
      connectTimeout: 3000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    try {
      await redis.connect();
      await redis.ping();
    } catch (err) {
      throw new Error(`TEST_REDIS_URL is set but Redis is unreachable: ${(err as Error).message}`);
    } finally {
      redis.disconnect();
    }
  }
}
