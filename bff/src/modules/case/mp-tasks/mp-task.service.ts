import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { CaseStatus, MpTaskActionInput, MpTaskDetailVO, MpTaskItemVO, MpTaskListQuery } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { Page } from '../../../core/scope/scoped-repository';
import type { GridWorker } from '../../mp-grid';
import { MpUser } from '../../mp-user';
import { CaseActorResolver } from '../core/case-actor';
import { CaseViewsService } from '../core/case-views.service';
import { CaseWorkflowService } from '../core/case-workflow.service';
import { CaseRecord } from '../entities';

/** Statuses of work waiting for the worker. */
const TODO: readonly CaseStatus[] = ['dispatched', 'processing'];
/** Statuses of work the worker has finished with (resolved, later closed, or sent back). */
const DONE: readonly CaseStatus[] = ['resolved', 'closed', 'returned'];

/**
 * The grid worker's tasks: cases dispatched to this mini-program user. A case assigned to anyone
 * else does not exist for them (404), whatever grid it lies in; their actions go through the
 * workflow as the `assignee`.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpTaskService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private views!: CaseViewsService;

  @Inject()
  private actors!: CaseActorResolver;

  @Inject()
  private workflow!: CaseWorkflowService;

  private mine(worker: GridWorker): SelectQueryBuilder<CaseRecord> {
    return (
      this.dataSource
        .getRepository(CaseRecord)
        .createQueryBuilder('c')
        .where('c.assignee_id = :me AND c.assignee_kind = :kind', { me: worker.principal.id, kind: 'mp' })
        // The intake proposes a worker before anyone dispatched: not their task until a dispatcher decides.
        .andWhere('c.dispatched_at IS NOT NULL')
    );
  }

  /** `todo`: waiting, soonest deadline first (none last); `done`: resolved or returned by this worker, newest first. */
  async list(worker: GridWorker, query: MpTaskListQuery): Promise<Page<MpTaskItemVO>> {
    const qb = this.mine(worker);
    if (query.status === 'todo') {
      qb.andWhere('c.status IN (:...todo)', { todo: TODO })
        .orderBy('CASE WHEN c.due_at IS NULL THEN 1 ELSE 0 END', 'ASC')
        .addOrderBy('c.due_at', 'ASC')
        .addOrderBy('c.created_at', 'ASC');
    } else {
      // By this worker: a case a dispatcher resolved over their head is not their work.
      qb.andWhere('c.status IN (:...done)', { done: DONE })
        .andWhere(
          "EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.actor_kind = 'mp' AND e.actor_id = :me AND e.type IN ('resolve', 'return'))",
        )
        .orderBy('c.updated_at', 'DESC');
    }
    const [records, total] = await qb
      .addOrderBy('c.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.views.taskItems(records), total };
  }

  /** One of the worker's tasks; CASE_NOT_FOUND for any case not assigned to them. */
  async get(worker: GridWorker, id: string): Promise<CaseRecord> {
    const record = await this.mine(worker).andWhere('c.id = :id', { id }).getOne();
    if (!record) throw new AppError('CASE_NOT_FOUND');
    return record;
  }

  async detail(worker: GridWorker, id: string): Promise<MpTaskDetailVO> {
    return this.views.taskDetail(await this.get(worker, id), worker.principal);
  }

  /** start / return / resolve as the assignee; answers the fresh task. */
  async act(worker: GridWorker, id: string, body: MpTaskActionInput): Promise<MpTaskDetailVO> {
    const record = await this.get(worker, id);
    const actor = this.actors.require(worker.principal, record, await this.nameOf(worker), 'assignee');
    const { action, version, ...inputs } = body;
    const updated = await this.workflow.apply(record.id, action, actor, inputs, version);
    return this.views.taskDetail(updated, worker.principal);
  }

  /** A progress note with photos (e.g. before/after shots on site). */
  async note(worker: GridWorker, id: string, note: string, photoIds: string[] = []): Promise<MpTaskDetailVO> {
    const record = await this.get(worker, id);
    const actor = this.actors.require(worker.principal, record, await this.nameOf(worker), 'assignee');
    return this.views.taskDetail(await this.workflow.addNote(record.id, actor, note, photoIds), worker.principal);
  }

  private async nameOf(worker: GridWorker): Promise<string> {
    const user = await this.dataSource
      .getRepository(MpUser)
      .findOne({ where: { id: worker.principal.id }, select: { id: true, nickname: true } });
    return user?.nickname || '网格员';
  }
}
