import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { AuditAction } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { scopePrefix } from '../../../core/scope/data-scope';
import { Acting, AuditActorService } from '../../../core/audit';
import { RegionService } from '../../region';

/**
 * Case configuration (categories, holidays) is one list for the whole town, so besides `case:manage`
 * a writer must be bound to the town root: a town admin bound to a village (the privilege rules
 * allow creating one) must not change what every other village works with. Refusals are audited.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class TownLevelCheck {
  @Inject()
  private regions!: RegionService;

  @Inject()
  private audit!: AuditActorService;

  async assert(acting: Acting, action: AuditAction, resourceType: string, resourceId: string): Promise<void> {
    const segments = (scopePrefix(acting.actor) ?? '').split('/').filter(Boolean);
    const region = segments.length === 1 ? await this.regions.find(segments[0]) : null;
    if (region?.level === 'town' && region.parentId === null) return;
    await this.audit.record(acting, {
      action,
      resourceType,
      resourceId,
      result: 'denied',
      detail: { reason: 'scope_not_town' },
    });
    throw new AppError('FORBIDDEN', '工单配置为全镇统一配置，只有镇级管理人员可以修改');
  }
}
