import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { CaseDetailVO, CaseRelocateBody, CaseStatus } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { inScope } from '../../../core/scope/data-scope';
import { Acting, AuditActorService } from '../../../core/audit';
import { GeoIndexService, Region, RegionService } from '../../region';
import { CaseActorResolver } from '../core/case-actor';
import { CaseIntakeService } from '../core/case-intake.service';
import { CaseViewsService } from '../core/case-views.service';
import { CaseWorkflowService } from '../core/case-workflow.service';
import type { CaseRecord } from '../entities';
import { CaseAdminCommandService } from './case-command.service';
import { CaseAdminQueryService } from './case-query.service';

/** Same tolerance as the intake: a point just outside every boundary still routes to the nearest grid. */
const LOCATION_TOLERANCE_M = 200;
/** Not dispatched yet: the assignee shown is the grid's proposal (拟派) and follows the grid. */
const PROPOSAL_STATUSES: readonly CaseStatus[] = ['pending_review', 'submitted', 'accepted', 'transferred', 'reopened'];

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * 更正位置: staff move a case's point and/or grid (the resident's pin was off, or the GPS grid is not
 * the one that works the spot). With a point only, the grid comes from the geo index, as at intake.
 * The case and its new grid must both lie in the caller's scope (404 otherwise, like every
 * out-of-scope id); the change is a timeline event and an audit record, and changes no status.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseRelocateService {
  @Inject()
  private query!: CaseAdminQueryService;

  @Inject()
  private commands!: CaseAdminCommandService;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private geo!: GeoIndexService;

  @Inject()
  private actors!: CaseActorResolver;

  @Inject()
  private intake!: CaseIntakeService;

  @Inject()
  private workflow!: CaseWorkflowService;

  @Inject()
  private views!: CaseViewsService;

  @Inject()
  private audit!: AuditActorService;

  async relocate(acting: Acting, id: string, body: CaseRelocateBody): Promise<CaseDetailVO> {
    const principal = acting.actor;
    const record = await this.query.getInScope(principal, id);
    const actor = this.actors.require(principal, record, await this.commands.displayName(principal), 'dispatcher');
    if (actor.role !== 'dispatcher') throw new AppError('CASE_ACTION_FORBIDDEN');
    if (!body.location && !body.regionId) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'location', message: '请在地图上选择新位置或选择新的所属网格' },
      ]);
    }
    if (body.version !== undefined && body.version !== record.version)
      throw new AppError('CONFLICT', '工单已被他人更新，请刷新后重试');
    const target = await this.targetRegion(acting, body);
    const point = body.location ? { lng: round6(body.location.lng), lat: round6(body.location.lat) } : null;
    const address = body.address?.trim() || null;
    const patch: Partial<CaseRecord> = { regionId: target.id, scopePath: target.path };
    if (point) Object.assign(patch, point);
    if (address) patch.address = address;
    const moved = target.id !== record.regionId;
    if (moved && PROPOSAL_STATUSES.includes(record.status)) {
      const proposal = await this.intake.proposedWorker(target.id);
      Object.assign(patch, {
        assigneeKind: proposal?.kind ?? null,
        assigneeId: proposal?.id ?? null,
        assigneeName: proposal?.name ?? null,
      });
    }
    const fromRegion = await this.regions.find(record.regionId);
    const data: Record<string, string | number | boolean | null> = {
      reason: body.reason.trim(),
      fromRegion: fromRegion?.name ?? null,
      regionName: target.name,
    };
    if (point)
      Object.assign(data, {
        fromLocation: this.coords(record.lng, record.lat),
        toLocation: this.coords(point.lng, point.lat),
      });
    const updated = await this.workflow.recordEvent(record.id, { type: 'relocated', data }, actor, patch);
    await this.audit.record(acting, {
      action: 'case.relocate',
      resourceType: 'case',
      resourceId: record.id,
      result: 'success',
      detail: {
        no: record.no,
        reason: body.reason.trim(),
        fromRegionId: record.regionId,
        toRegionId: target.id,
        from: record.lng !== null && record.lat !== null ? [record.lng, record.lat] : null,
        to: point ? [point.lng, point.lat] : null,
      },
    });
    return this.views.detail(updated, principal);
  }

  /** The named grid, else the one containing the point; either must be in the caller's scope. */
  private async targetRegion(acting: Acting, body: CaseRelocateBody): Promise<Region> {
    if (body.regionId) return this.regions.getInScope(acting.actor, body.regionId);
    const { lng, lat } = body.location as { lng: number; lat: number };
    const hit = await this.geo.resolve(lng, lat, LOCATION_TOLERANCE_M);
    const region = hit.regionId ? await this.regions.find(hit.regionId) : null;
    if (!region) throw new AppError('CASE_LOCATION_OUTSIDE');
    if (!inScope(acting.actor, region.path)) throw new AppError('NOT_FOUND', '新位置所在网格不在您的管辖范围内');
    return region;
  }

  private coords(lng: number | null, lat: number | null): string | null {
    return lng === null || lat === null ? null : `${lng.toFixed(6)}, ${lat.toFixed(6)}`;
  }
}
