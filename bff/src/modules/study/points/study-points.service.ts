import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { defaultPointsRules, pointsFor, shanghaiDate, type PointsRule, type StudyEvent } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { InfraService } from '../../../core/infra/infra.service';
import { LockTimeoutError } from '../../../core/infra/types';
import { PointsEntry } from './points-entry.entity';
import { PointsRuleRow } from './points-rule.entity';

/** How long one member's study write may hold the member's lock, and how long the next one waits. */
const MEMBER_LOCK_MS = 10_000;

/**
 * The points ledger: one immutable entry per member × kind × source, its points from the shared
 * `pointsFor` with the member's entries of that Beijing day (daily caps), 0 with the reason when
 * capped. A member's awards and heartbeats run one at a time under the member's lock, so two events
 * of one day never both take the last points below a cap.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyPointsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infra!: InfraService;

  /** Runs `fn` holding the member's study lock (across BFF processes in Redis mode). */
  async underMemberLock<T>(memberId: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await this.infra.infra.lock.withLock(`study:member:${memberId}`, MEMBER_LOCK_MS, MEMBER_LOCK_MS, fn);
    } catch (err) {
      if (err instanceof LockTimeoutError) throw new AppError('CONFLICT', '学习记录正在处理中，请稍后重试');
      throw err;
    }
  }

  /** The configured table; no rows = the shared defaults. */
  async rules(manager: EntityManager = this.dataSource.manager): Promise<PointsRule[]> {
    const rows = await manager.getRepository(PointsRuleRow).find({ order: { kind: 'ASC' } });
    if (rows.length === 0) return defaultPointsRules.map((r) => ({ ...r }));
    return rows.map((r) => ({ kind: r.kind, points: r.points, dailyCap: r.dailyCap }));
  }

  /**
   * Appends the entry `event` earns, in the caller's transaction; the caller holds the member's lock
   * (`underMemberLock`). A source already in the ledger is a no-op (null), not an error.
   */
  async award(manager: EntityManager, event: StudyEvent): Promise<PointsEntry | null> {
    const day = shanghaiDate(event.at);
    const sourceId = event.sourceId ?? day;
    const repo = manager.getRepository(PointsEntry);
    if (await repo.exists({ where: { memberId: event.memberId, kind: event.kind, sourceId } })) return null;
    const ofTheDay = await repo.findBy({ memberId: event.memberId, day });
    const decision = pointsFor({ ...event, sourceId }, ofTheDay, await this.rules(manager));
    const entry = repo.create({
      id: randomUUID(),
      memberId: event.memberId,
      kind: event.kind,
      sourceId,
      points: decision.points,
      reason: decision.reason.slice(0, 100),
      at: event.at,
      day,
    });
    // INSERT OR IGNORE / INSERT IGNORE: a concurrent award of the same source leaves one entry.
    const result = await repo.createQueryBuilder().insert().into(PointsEntry).values(entry).orIgnore().execute();
    const inserted = (result.raw as { affectedRows?: number } | undefined)?.affectedRows;
    if (inserted === 0) return null;
    return entry;
  }

  /** An award outside a heartbeat (subscribers, the daily login): under the member's lock, in its own transaction. */
  async awardNow(event: StudyEvent): Promise<PointsEntry | null> {
    return this.underMemberLock(event.memberId, () =>
      this.dataSource.transaction((manager) => this.award(manager, event)),
    );
  }
}
