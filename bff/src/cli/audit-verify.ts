import { AuditLog, verifyAuditChain } from '../core/audit';
import { openDataSource } from './data-source';

export interface AuditVerifyReport {
  records: number;
  broken: { seq: number; reason: 'content' | 'link' } | null;
}

/** Walks the whole audit chain of DATABASE_URL. */
export async function auditVerify(): Promise<AuditVerifyReport> {
  const dataSource = await openDataSource();
  try {
    const records = await dataSource.getRepository(AuditLog).count();
    return { records, broken: await verifyAuditChain(dataSource) };
  } finally {
    await dataSource.destroy();
  }
}
