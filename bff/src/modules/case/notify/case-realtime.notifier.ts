import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { RealtimeService, Rooms } from '../../../core/realtime/realtime.service';
import { CaseRecord, CaseViewsService } from '../index';
import type { CaseEventAppended } from '../index';

/**
 * Subscribers of `case.event_appended` (`case.realtime.changed`, `case.realtime.task`): live updates
 * of the admin case lists and of a grid worker's task list. The case is read now, so a late delivery
 * shows current data.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseRealtimeNotifier {
  @InjectEntityModel(CaseRecord)
  private cases!: Repository<CaseRecord>;

  @Inject()
  private views!: CaseViewsService;

  @Inject()
  private realtime!: RealtimeService;

  /** `case:changed` to the staff whose scope contains the case (its region and every ancestor). */
  async caseChanged(event: CaseEventAppended): Promise<void> {
    const record = await this.cases.findOne({ where: { id: event.caseId } });
    // A case is never deleted; nothing to show if it somehow is.
    if (!record) return;
    const [item] = await this.views.listItems([record]);
    await this.realtime.emitToScope(record.scopePath, 'case:changed', { case: item, type: event.type });
  }

  /** `task:assigned` to the worker a case was dispatched to, if it is still theirs. */
  async taskAssigned(event: CaseEventAppended): Promise<void> {
    if (!event.assignee) return;
    const { kind, id: userId } = event.assignee;
    const record = await this.cases.findOne({ where: { id: event.caseId } });
    if (!record || record.assigneeKind !== kind || record.assigneeId !== userId) return;
    const task = await this.views.taskItem(record);
    await this.realtime.broadcast([Rooms.user(kind, userId)], 'task:assigned', { task });
  }
}
