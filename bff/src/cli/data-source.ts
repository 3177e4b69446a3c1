import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../config/database';
import { loadEnv } from '../config/env';

/** A standalone DataSource for command-line tools, configured exactly like the BFF's. */
export async function openDataSource(): Promise<DataSource> {
  const env = loadEnv();
  const dataSource = new DataSource({ ...dataSourceOptions(env.DATABASE_URL), migrationsRun: false });
  await dataSource.initialize();
  return dataSource;
}
