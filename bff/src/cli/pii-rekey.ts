import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../config/database';
import { loadEnv } from '../config/env';
import { entities } from '../modules';
import { PiiCipher } from '../core/crypto/pii-cipher';
import { rekeyAll, RekeyFieldReport } from '../core/crypto/pii-rekey';

/**
 * `npm run pii:rekey`: re-encrypts every encrypted personal-data value of DATABASE_URL whose key id
 * is not PII_ACTIVE_KEY_ID. Safe to run while the BFF is serving and to run again.
 */
export async function piiRekey(
  options: { batchSize?: number; onBatch?: (report: RekeyFieldReport) => void; source?: NodeJS.ProcessEnv } = {},
): Promise<RekeyFieldReport[]> {
  const env = loadEnv(options.source);
  const cipher = PiiCipher.fromEnv(env);
  // Never runs migrations: rekeying a database that is not at the current schema would be a mistake.
  const dataSource = new DataSource({ ...dataSourceOptions(env.DATABASE_URL), migrationsRun: false });
  await dataSource.initialize();
  try {
    return await rekeyAll(dataSource, cipher, entities, { batchSize: options.batchSize, onBatch: options.onBatch });
  } finally {
    await dataSource.destroy();
  }
}
