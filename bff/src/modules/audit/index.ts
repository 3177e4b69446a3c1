export { AuditLog } from './audit-log.entity';
export type { AuditResult } from './audit-log.entity';
export { AuditService, verifyAuditChain } from './audit.service';
export type { AuditEntry } from './audit.service';
export { chainHash, findChainBreak, GENESIS_HASH } from './audit-chain';
export { AuditActorService } from './audit-actor.service';
export type { Acting } from './audit-actor.service';
export { AuditQueryService } from './audit-query.service';
