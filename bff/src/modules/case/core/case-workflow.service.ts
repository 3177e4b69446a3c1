import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { checkCaseTransition, caseLimits } from '@zhili/shared';
import type { CaseAction, CaseEventType } from '@zhili/shared';
import type { AppEnv } from '../../../config/env';
import { AppError } from '../../../core/errors/app-error';
import { DomainEvents } from '../../../core/events';
import { FileService } from '../../file';
import { CaseEvent, CaseFollower, CaseRecord } from '../entities';
import type { CaseActor } from './case-actor';
import { checkRequiredInputs, effectOf } from './case-action-effects';
import type { CaseActionInputs } from './case-action-effects';
import { CaseEventAppendedEvent, caseEventAppended, caseEventKey } from './case-events';

/** A timeline entry that changes no status (notes, SLA warnings, follows, external syncs). */
export interface CaseEventDraft {
  type: CaseEventType;
  note?: string | null;
  photoIds?: string[];
  data?: Record<string, string | number | boolean | null>;
}

/**
 * Moves cases through the state machine of `@zhili/shared`: every change, its timeline event and the
 * domain event it causes (`case.event_appended`, fanned out to subscribers through the outbox) are
 * written in one transaction. Concurrent changes are serialised by
 * the version column (a stale writer gets 409 CONFLICT), so two clicks can never both succeed.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseWorkflowService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private events!: DomainEvents;

  @Inject()
  private files!: FileService;

  @Config('zhili.env')
  private env!: Pick<AppEnv, 'CITY_API_BASE'>;

  /** Takes `action` on the case as `actor`; `expectedVersion` refuses a decision made on stale data. */
  async apply(
    caseId: string,
    action: CaseAction,
    actor: CaseActor,
    input: CaseActionInputs = {},
    expectedVersion?: number,
    now = new Date(),
  ): Promise<CaseRecord> {
    const record = await this.dataSource.transaction(async (m) => {
      const current = await this.load(m, caseId);
      if (expectedVersion !== undefined && current.version !== expectedVersion)
        throw new AppError('CONFLICT', '工单已被他人更新，请刷新后重试');
      const check = checkCaseTransition(current.status, action, actor.role);
      if (!check.ok) throw new AppError(check.code);
      this.checkIdentity(current, actor);
      checkRequiredInputs(check.requires, input);
      if (action === 'escalate' && input.level === 'city' && !this.env.CITY_API_BASE) {
        throw new AppError('GOV_UNAVAILABLE', '未配置城市运行管理服务平台，暂不能上报到市级');
      }
      const effect = await effectOf(m, current, action, actor, input, now);
      const updated = await this.write(m, current, { ...effect.patch, status: check.to }, true);
      await this.appendEvent(
        m,
        updated,
        actor,
        { type: action, note: effect.note, photoIds: effect.photoIds, data: effect.data },
        current.status,
        now,
        input.level ?? null,
      );
      return updated;
    });
    this.events.kick();
    return record;
  }

  /** Appends a progress note (with photos) without changing the status. */
  async addNote(
    caseId: string,
    actor: CaseActor,
    note: string,
    photoIds: string[] = [],
    now = new Date(),
  ): Promise<CaseRecord> {
    const text = note.trim();
    if (!text || text.length > caseLimits.note.max)
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'note', message: `请填写进展（1-${caseLimits.note.max} 字）` },
      ]);
    if (photoIds.length > caseLimits.afterPhotos.max)
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'photoIds', message: `照片最多 ${caseLimits.afterPhotos.max} 张` },
      ]);
    return this.recordEvent(caseId, { type: 'note', note: text, photoIds }, actor, {}, now);
  }

  /**
   * Appends an event that changes no status, optionally with field changes (e.g. the SLA watcher's
   * `warnedAt`). Used by jobs, connectors and the content-security callback.
   */
  async recordEvent(
    caseId: string,
    draft: CaseEventDraft,
    actor: CaseActor,
    patch: Partial<CaseRecord> = {},
    now = new Date(),
  ): Promise<CaseRecord> {
    const record = await this.dataSource.transaction(async (m) => {
      const current = await this.load(m, caseId);
      const updated = await this.write(m, current, patch, true);
      await this.appendEvent(m, updated, actor, draft, null, now, null);
      return updated;
    });
    this.events.kick();
    return record;
  }

  /** A resident follows (附议) someone else's case; idempotent. Answers the current follower count. */
  async follow(caseId: string, userId: string, name: string): Promise<{ followed: boolean; followerCount: number }> {
    const result = await this.dataSource.transaction(async (m) => {
      const current = await this.load(m, caseId);
      if (current.reporterKind === 'mp' && current.reporterId === userId)
        throw new AppError('CASE_ACTION_FORBIDDEN', '不能附议自己上报的问题');
      if (await m.findOne(CaseFollower, { where: { caseId, userId } }))
        return { followed: true, followerCount: current.followerCount };
      await m.insert(CaseFollower, { caseId, userId });
      const updated = await this.write(m, current, { followerCount: current.followerCount + 1 }, true);
      await this.appendEvent(
        m,
        updated,
        { role: 'reporter', kind: 'mp', id: userId, name },
        { type: 'followed' },
        null,
        new Date(),
        null,
      );
      return { followed: true, followerCount: updated.followerCount };
    });
    this.events.kick();
    return result;
  }

  async unfollow(caseId: string, userId: string): Promise<{ followed: boolean; followerCount: number }> {
    return this.dataSource.transaction(async (m) => {
      const current = await this.load(m, caseId);
      const removed = await m.delete(CaseFollower, { caseId, userId });
      if (!removed.affected) return { followed: false, followerCount: current.followerCount };
      const updated = await this.write(m, current, { followerCount: Math.max(0, current.followerCount - 1) }, false);
      return { followed: false, followerCount: updated.followerCount };
    });
  }

  private async load(m: EntityManager, caseId: string): Promise<CaseRecord> {
    const record = await m.findOne(CaseRecord, { where: { id: caseId } });
    if (!record) throw new AppError('CASE_NOT_FOUND');
    return record;
  }

  /** The table names roles; here we check the caller really is that reporter / assignee. */
  private checkIdentity(record: CaseRecord, actor: CaseActor): void {
    const ok =
      actor.role === 'system' ||
      (actor.role === 'reporter' &&
        record.reporterKind === 'mp' &&
        actor.kind === 'mp' &&
        record.reporterId === actor.id) ||
      (actor.role === 'assignee' && record.assigneeKind === actor.kind && record.assigneeId === actor.id) ||
      (actor.role === 'dispatcher' && actor.kind === 'staff' && Boolean(actor.principal));
    if (!ok) throw new AppError('CASE_ACTION_FORBIDDEN');
  }

  /**
   * Conditional update on the version read in this transaction: a concurrent writer makes it miss.
   * `withEvent` reserves the next timeline seq (event_count) in the same statement.
   */
  private async write(
    m: EntityManager,
    current: CaseRecord,
    patch: Partial<CaseRecord>,
    withEvent: boolean,
  ): Promise<CaseRecord> {
    const next = {
      ...patch,
      version: current.version + 1,
      eventCount: current.eventCount + (withEvent ? 1 : 0),
      updatedAt: new Date(),
    } as Partial<CaseRecord>;
    const result = await m
      .createQueryBuilder()
      .update(CaseRecord)
      .set(next as never)
      .where('id = :id AND version = :version', { id: current.id, version: current.version })
      .execute();
    if (!result.affected) throw new AppError('CONFLICT', '工单已被他人更新，请刷新后重试');
    return Object.assign(new CaseRecord(), current, next);
  }

  private async appendEvent(
    m: EntityManager,
    record: CaseRecord,
    actor: CaseActor,
    draft: CaseEventDraft,
    fromStatus: CaseRecord['status'] | null,
    now: Date,
    level: string | null,
  ): Promise<void> {
    const photoIds = draft.photoIds ?? [];
    if (photoIds.length) {
      if (!actor.principal)
        throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'photoIds', message: '系统操作不能附加照片' }]);
      await this.files.attach(m, photoIds, actor.principal, record.scopePath);
    }
    // write() reserved this seq; the unique (case_id, seq) index backs it up.
    const seq = record.eventCount;
    await m.insert(CaseEvent, {
      id: randomUUID(),
      caseId: record.id,
      seq,
      type: draft.type,
      fromStatus,
      toStatus: fromStatus === null ? null : record.status,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name.slice(0, 64) || '系统',
      note: draft.note ?? null,
      photoIds,
      data: draft.data ?? {},
      createdAt: now,
    });
    // One event per timeline entry; its key holds the seq, so a retried transaction cannot double it.
    await this.events.append(
      m,
      CaseEventAppendedEvent,
      caseEventAppended(record, { seq, type: draft.type, fromStatus, level }),
      caseEventKey(record.id, seq),
    );
  }
}
