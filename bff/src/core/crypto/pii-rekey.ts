import type { DataSource, EntityMetadata } from 'typeorm';
import type { PiiCipher, PiiCiphertext } from './pii-cipher';
import { piiFieldsOf, PiiFieldInfo } from './pii-field';

export interface RekeyFieldReport {
  table: string;
  field: string;
  /** Rows found on a non-active key. */
  scanned: number;
  /** Rows re-encrypted with the active key. */
  rekeyed: number;
  /** Rows changed by someone else between read and write (they already hold a fresh value). */
  skipped: number;
  /** Rows that could not be decrypted (unknown key id, or the integrity check failed). */
  failed: number;
  /** Rows per key id after the run: an old key is removable once it no longer appears anywhere. */
  byKeyId: Record<string, number>;
}

export interface RekeyOptions {
  batchSize?: number;
  /** Called after each batch (progress output of the CLI). */
  onBatch?: (report: RekeyFieldReport) => void;
}

interface Row {
  id: string;
  cipher: string;
  keyId: string;
}

/**
 * Re-encrypts, with the active key, every PiiColumn value of every entity whose key id differs.
 * Batches walk the primary key upwards (keyset pagination), so rows that fail are reported once
 * and never loop. Each write is conditional on the row still holding what was read, so a
 * concurrent update by the running BFF is never overwritten. Running it again is a no-op.
 */
export async function rekeyAll(
  dataSource: DataSource,
  cipher: PiiCipher,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM identifies an entity by its class, typed as a bare Function
  entities: Function[],
  options: RekeyOptions = {},
): Promise<RekeyFieldReport[]> {
  const reports: RekeyFieldReport[] = [];
  for (const entity of entities) {
    const meta = dataSource.getMetadata(entity);
    for (const field of piiFieldsOf(entity)) reports.push(await rekeyField(dataSource, cipher, meta, field, options));
  }
  return reports;
}

function columnName(meta: EntityMetadata, path: string): string {
  const column = meta.findColumnWithPropertyPath(path);
  if (!column) throw new Error(`No column ${path} on ${meta.name}`);
  return column.databaseName;
}

async function rekeyField(
  dataSource: DataSource,
  cipher: PiiCipher,
  meta: EntityMetadata,
  field: PiiFieldInfo,
  options: RekeyOptions,
): Promise<RekeyFieldReport> {
  const batchSize = options.batchSize ?? 500;
  const [primary] = meta.primaryColumns;
  const cols = {
    id: primary.databaseName,
    cipher: columnName(meta, `${field.property}.cipher`),
    keyId: columnName(meta, `${field.property}.keyId`),
  };
  const active = cipher.activeKeyId;
  const report: RekeyFieldReport = {
    table: meta.tableName,
    field: field.property,
    scanned: 0,
    rekeyed: 0,
    skipped: 0,
    failed: 0,
    byKeyId: {},
  };
  let after = '';
  for (;;) {
    const rows: Row[] = await dataSource
      .createQueryBuilder()
      .select(`t.${cols.id}`, 'id')
      .addSelect(`t.${cols.cipher}`, 'cipher')
      .addSelect(`t.${cols.keyId}`, 'keyId')
      .from(meta.tableName, 't')
      .where(`t.${cols.keyId} IS NOT NULL AND t.${cols.keyId} <> :active AND t.${cols.id} > :after`, { active, after })
      .orderBy(`t.${cols.id}`, 'ASC')
      .limit(batchSize)
      .getRawMany();
    if (rows.length === 0) break;
    for (const row of rows) {
      report.scanned += 1;
      let fresh: PiiCiphertext;
      try {
        fresh = cipher.encrypt(cipher.decrypt(row.cipher, row.keyId));
      } catch {
        report.failed += 1;
        continue;
      }
      const result = await dataSource
        .createQueryBuilder()
        .update(meta.target)
        .set({ [field.property]: { cipher: fresh.cipher, keyId: fresh.keyId } })
        .where(`${cols.id} = :id AND ${cols.keyId} = :keyId AND ${cols.cipher} = :cipher`, row)
        .execute();
      if (result.affected) report.rekeyed += 1;
      else report.skipped += 1;
    }
    after = rows[rows.length - 1].id;
    options.onBatch?.(report);
  }
  const counts: { keyId: string; n: string | number }[] = await dataSource
    .createQueryBuilder()
    .select(`t.${cols.keyId}`, 'keyId')
    .addSelect('COUNT(*)', 'n')
    .from(meta.tableName, 't')
    .where(`t.${cols.keyId} IS NOT NULL`)
    .groupBy(`t.${cols.keyId}`)
    .getRawMany();
  report.byKeyId = Object.fromEntries(counts.map((c) => [c.keyId, Number(c.n)]));
  return report;
}
