import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditAction } from '@zhili/shared';
import { InfraService } from '../infra/infra.service';
import type { Principal } from '../auth/principal';
import type { ClientInfo } from '../auth/session.service';
import { AuditLog, AuditResult } from './audit-log.entity';
import { chainHash, findChainBreak, GENESIS_HASH, ChainBreak } from './audit-chain';

export interface AuditEntry {
  /** Who acted; null for anonymous events such as a failed login of an unknown user. */
  actor: Principal | null;
  /** Username / display handle to record beside the id (never a secret). */
  actorName?: string | null;
  client?: ClientInfo;
  /** A code of the shared table (`auditActionLabels`): an unlabelled code does not compile. */
  action: AuditAction;
  resourceType?: string;
  resourceId?: string | null;
  result: AuditResult;
  /** Changed fields or context; callers pass masked values only. */
  detail?: Record<string, unknown>;
}

/** Keys that must never reach the audit log even by mistake. */
const SECRET_KEY = /pass(word)?|secret|token|otp|totp|code$|recovery/i;

function scrub(detail: Record<string, unknown> | undefined): string | null {
  if (!detail) return null;
  const clean = Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : v]));
  return JSON.stringify(clean).slice(0, 4000);
}

/**
 * Appends to the hash-chained audit log. Appends are serialized by a distributed lock so that two
 * processes never chain onto the same previous record.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AuditService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infraService!: InfraService;

  async record(entry: AuditEntry): Promise<void> {
    const repo = this.dataSource.getRepository(AuditLog);
    await this.infraService.infra.lock.withLock('audit:chain', 10_000, 10_000, async () => {
      const last = await repo.find({ order: { seq: 'DESC' }, take: 1, select: { seq: true, hash: true } });
      const prevHash = last[0]?.hash ?? GENESIS_HASH;
      const content = {
        at: new Date().toISOString(),
        actorKind: entry.actor?.kind ?? null,
        actorId: entry.actor?.id ?? null,
        actorName: entry.actorName?.slice(0, 64) ?? null,
        actorRoles: entry.actor?.roles.join(',') ?? null,
        ip: entry.client?.ip?.slice(0, 64) ?? null,
        userAgent: entry.client?.userAgent?.slice(0, 255) ?? null,
        action: entry.action,
        resourceType: entry.resourceType ?? null,
        resourceId: entry.resourceId ?? null,
        result: entry.result,
        detail: scrub(entry.detail),
      };
      await repo.insert({ ...content, prevHash, hash: chainHash(prevHash, content) });
    });
  }

  /** Verifies the whole chain in batches; null when intact, else the first broken record. */
  async verify(batchSize = 1000): Promise<ChainBreak | null> {
    return verifyAuditChain(this.dataSource, batchSize);
  }
}

/** Standalone so the CLI can verify with a plain DataSource. */
export async function verifyAuditChain(dataSource: DataSource, batchSize = 1000): Promise<ChainBreak | null> {
  const repo = dataSource.getRepository(AuditLog);
  let prev = GENESIS_HASH;
  let afterSeq = 0;
  for (;;) {
    const batch = await repo
      .createQueryBuilder('a')
      .where('a.seq > :afterSeq', { afterSeq })
      .orderBy('a.seq', 'ASC')
      .take(batchSize)
      .getMany();
    if (batch.length === 0) return null;
    const broken = findChainBreak(batch, prev);
    if (broken) return broken;
    prev = batch[batch.length - 1].hash;
    afterSeq = batch[batch.length - 1].seq;
  }
}
