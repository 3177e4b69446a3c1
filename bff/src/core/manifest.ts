import type { ModuleManifest } from './modules/manifest';
import { AuthSession } from './auth/auth-session.entity';
import { AuditLog } from './audit';
import { OutboxMessage, OutboxWorker } from './outbox';
import { Init1763700000000 } from './db/migrations/1763700000000-Init';
import { RegionsScopeAudit1763790000000 } from './db/migrations/1763790000000-RegionsScopeAudit';

/** Core: sessions, the audit log and the outbox, and the baseline migrations every module builds on. */
export const coreManifest: ModuleManifest = {
  name: 'core',
  entities: [AuthSession, AuditLog, OutboxMessage],
  migrations: [Init1763700000000, RegionsScopeAudit1763790000000],
  permissions: ['audit:read'],
  jobs: [OutboxWorker],
};
