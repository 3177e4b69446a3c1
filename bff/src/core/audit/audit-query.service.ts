import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { auditActionLabel } from '@zhili/shared';
import { likeEscape } from '../scope/data-scope';
import type { Page } from '../scope/scoped-repository';
import { AuditLog } from './audit-log.entity';
import { AuditService } from './audit.service';
import { Acting, AuditActorService } from './audit-actor.service';
import { AuditActorNames } from './audit-actor-names';
import type { AuditQuery, AuditRecordVO, AuditVerifyVO } from '@zhili/shared';

function parseDetail(detail: string | null): Record<string, unknown> | string | null {
  if (detail === null) return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : detail;
  } catch {
    return detail;
  }
}

export function toAuditRecordVO(a: AuditLog, actorDisplayName: string | null = null): AuditRecordVO {
  return {
    seq: a.seq,
    at: a.at,
    actorKind: a.actorKind,
    actorId: a.actorId,
    actorName: a.actorName,
    actorDisplayName,
    actorRoles: a.actorRoles ? a.actorRoles.split(',').filter(Boolean) : [],
    ip: a.ip,
    userAgent: a.userAgent,
    action: a.action,
    actionLabel: auditActionLabel(a.action),
    resourceType: a.resourceType,
    resourceId: a.resourceId,
    result: a.result,
    detail: parseDetail(a.detail),
    prevHash: a.prevHash,
    hash: a.hash,
  };
}

/**
 * Read side of the audit log for the viewer: filtered, newest first. There is deliberately no
 * write, update or delete here — the log is append-only (triggers and the hash chain enforce it).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AuditQueryService {
  @InjectEntityModel(AuditLog)
  private logs!: Repository<AuditLog>;

  @Inject()
  private audit!: AuditService;

  @Inject()
  private actors!: AuditActorService;

  @Inject()
  private names!: AuditActorNames;

  async list(query: AuditQuery): Promise<Page<AuditRecordVO>> {
    const qb = this.logs.createQueryBuilder('a');
    if (query.actor) {
      // Id, username prefix, or the person's name as the viewer shows it (staff display name or
      // mini-program nickname), which the log itself does not hold.
      const ids = await this.names.idsNamed(query.actor);
      qb.andWhere(
        `(a.actor_id = :actor OR a.actor_name LIKE :actorPrefix ESCAPE '!'${ids.length ? ' OR a.actor_id IN (:...actorIds)' : ''})`,
        {
          actor: query.actor,
          actorPrefix: `${likeEscape(query.actor)}%`,
          actorIds: ids,
        },
      );
    }
    if (query.action) {
      if (query.action.endsWith('.'))
        qb.andWhere("a.action LIKE :action ESCAPE '!'", { action: `${likeEscape(query.action)}%` });
      else qb.andWhere('a.action = :action', { action: query.action });
    }
    if (query.resourceType) qb.andWhere('a.resource_type = :resourceType', { resourceType: query.resourceType });
    if (query.resourceId) qb.andWhere('a.resource_id = :resourceId', { resourceId: query.resourceId });
    if (query.result) qb.andWhere('a.result = :result', { result: query.result });
    // `at` is stored as a 24-character UTC ISO string, so normalized bounds compare as text.
    if (query.from) qb.andWhere('a.at >= :from', { from: new Date(query.from).toISOString() });
    if (query.to) qb.andWhere('a.at <= :to', { to: new Date(query.to).toISOString() });
    const [rows, total] = await qb
      .orderBy('a.seq', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const display = await this.names.displayNames(rows);
    return { items: rows.map((row) => toAuditRecordVO(row, display.get(row.actorId ?? '') ?? null)), total };
  }

  /** Walks the whole hash chain; the check itself is audited (who verified, and what they found). */
  async verify(acting: Acting): Promise<AuditVerifyVO> {
    const records = await this.logs.count();
    const broken = await this.audit.verify();
    await this.actors.record(acting, {
      action: 'audit.verify',
      resourceType: 'audit_log',
      result: broken ? 'failure' : 'success',
      detail: { records, broken },
    });
    return { records, broken };
  }
}
