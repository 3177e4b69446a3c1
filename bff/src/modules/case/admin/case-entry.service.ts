import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { randomUUID } from 'crypto';
import type { CaseCreateInput, CaseDetailVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { inScope } from '../../../core/scope/data-scope';
import { GeoIndexService, RegionService } from '../../region';
import { CaseIntakeService } from '../core/case-intake.service';
import { CaseViewsService } from '../core/case-views.service';

/** Same tolerance as the intake: a point just outside every grid still lands in the nearest one. */
const LOCATION_TOLERANCE_M = 200;

/** Staff-entered cases (a phone call, a visitor at the counter): source `admin`, inside the caller's scope. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseEntryService {
  @Inject()
  private intake!: CaseIntakeService;

  @Inject()
  private views!: CaseViewsService;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private geo!: GeoIndexService;

  /**
   * Files the case through the intake (grid by location, deadlines, proposed worker). The grid it
   * lands in must be in the caller's scope: checked before anything is written, by the same rule
   * the intake applies (the location's grid, else the given region).
   */
  async create(principal: Principal, body: CaseCreateInput): Promise<CaseDetailVO> {
    const regionId = body.regionId || undefined;
    const location = body.location ?? null;
    if (!location && !regionId)
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'regionId', message: '请选择位置或所属区域' }]);
    if (regionId) await this.regions.getInScope(principal, regionId);
    if (location) {
      const hit = await this.geo.resolve(location.lng, location.lat, LOCATION_TOLERANCE_M);
      if (hit.regionId && !inScope(principal, hit.path))
        throw new AppError('CASE_LOCATION_OUTSIDE', '所选位置不在您的管辖范围内');
      if (!hit.regionId && !regionId) throw new AppError('CASE_LOCATION_OUTSIDE');
    }
    const { record } = await this.intake.submit({
      source: 'admin',
      reporter: { kind: 'staff', id: principal.id, name: body.contactName?.trim() || null },
      idempotencyKey: body.idempotencyKey ?? randomUUID(),
      categoryCode: body.categoryCode,
      description: body.description,
      photoIds: body.photoIds ?? [],
      location,
      regionId,
      address: body.address,
      anonymous: false,
      contactPhone: body.contactPhone?.trim() || null,
      priority: body.priority,
      fileOwner: principal,
    });
    // A repeated key answers the case it created before, which is the caller's own.
    return this.views.detail(record, principal);
  }
}
