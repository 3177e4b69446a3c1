import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { In, Repository } from 'typeorm';
import { labelPoint, naturalSortBy, polygonsOf, validateGeometry } from '@zhili/shared';
import type { BoundaryGeometry, LngLat } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import type { Principal } from '../../core/auth/principal';
import { inScope, scopePrefix, prefixCondition, needsPrefixRange } from '../../core/scope/data-scope';
import { Acting, AuditActorService } from '../../core/audit';
import { GeoIndexService } from './geo/geo-index.service';
import { Region, RegionLevel } from './region.entity';
import { RegionUsageService } from './region-usage.service';
import { boundaryOf } from './region-view';

/** Which child levels each level may have. */
const CHILD_LEVELS: Record<RegionLevel, RegionLevel[]> = {
  town: ['community', 'village'],
  community: ['grid'],
  village: ['grid'],
  grid: [],
};

export interface NewRegion {
  name: string;
  level: RegionLevel;
  parentId: string | null;
  code?: string | null;
  /** Untrusted GeoJSON geometry (validated here); the centre defaults to its label point. */
  boundary?: unknown;
  center?: LngLat | null;
}

/** `PATCH /regions/:id`: omitted fields stay; `null` clears a code, boundary or centre. */
export interface RegionPatch {
  name?: string;
  code?: string | null;
  boundary?: unknown;
  center?: LngLat | null;
}

/** A validated boundary as stored: JSON text and the centre to go with it. */
export interface StoredBoundary {
  boundary: string | null;
  centerLng: number | null;
  centerLat: number | null;
}

/** Validates an untrusted boundary; GEOMETRY_INVALID with the first problem otherwise. */
export function checkedGeometry(value: unknown, field = 'boundary'): BoundaryGeometry {
  const check = validateGeometry(value);
  if (!check.ok) throw new AppError('GEOMETRY_INVALID', check.message, [{ field, message: check.message }]);
  return check.geometry;
}

/** Stored columns for a boundary (or none) and an optional explicit centre (else the label point). */
export function storedBoundary(geometry: BoundaryGeometry | null, center: LngLat | null | undefined): StoredBoundary {
  const c = center ?? (geometry ? labelPoint(geometry) : null);
  return { boundary: geometry ? JSON.stringify(geometry) : null, centerLng: c?.[0] ?? null, centerLat: c?.[1] ?? null };
}

/** Positions of a geometry, for audit details (the geometry itself is too large to log). */
export function positionCount(geometry: BoundaryGeometry | null): number {
  return geometry ? polygonsOf(geometry).reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0) : 0;
}

/** The region tree: creation, editing (including boundaries), deletion, all within the caller's scope. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegionService {
  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private geoIndex!: GeoIndexService;

  @Inject()
  private usage!: RegionUsageService;

  async create(input: NewRegion): Promise<Region> {
    const id = randomUUID();
    let path = `/${id}/`;
    if (input.parentId) {
      const parent = await this.get(input.parentId);
      if (!CHILD_LEVELS[parent.level].includes(input.level)) {
        throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'level', message: '上级区域下不能创建该级别' }]);
      }
      path = `${parent.path}${id}/`;
    } else if (input.level !== 'town') {
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'parentId', message: '只有镇可以没有上级区域' }]);
    }
    const geometry = input.boundary === undefined || input.boundary === null ? null : checkedGeometry(input.boundary);
    const region = this.regions.create({
      id,
      name: input.name,
      level: input.level,
      parentId: input.parentId,
      code: input.code ?? null,
      path,
      ...storedBoundary(geometry, input.center),
    });
    await this.regions.insert(region);
    if (geometry) await this.geoIndex.boundariesChanged();
    return region;
  }

  async get(id: string): Promise<Region> {
    const region = await this.regions.findOneBy({ id });
    if (!region) throw new AppError('NOT_FOUND');
    return region;
  }

  async find(id: string): Promise<Region | null> {
    return this.regions.findOneBy({ id });
  }

  /** The region and all its descendants, parents before children. */
  async subtree(path: string): Promise<Region[]> {
    return this.regions
      .createQueryBuilder('r')
      .where(...prefixCondition('r.path', path, 'prefix', needsPrefixRange(this.regions.manager.connection)))
      .orderBy('r.path', 'ASC')
      .getMany();
  }

  async findByIds(ids: readonly string[]): Promise<Region[]> {
    const unique = [...new Set(ids)];
    return unique.length ? this.regions.findBy({ id: In(unique) }) : [];
  }

  /** Direct children in natural order of their names (第一网格, 第二网格, …, 第十网格). */
  async children(id: string): Promise<Region[]> {
    return naturalSortBy(await this.regions.find({ where: { parentId: id } }), (r) => r.name);
  }

  /**
   * A region inside the principal's subtree (their own region included); NOT_FOUND otherwise, so
   * regions of other villages cannot be probed for existence.
   */
  async getInScope(principal: Principal, id: string): Promise<Region> {
    const region = await this.find(id);
    if (!region || !inScope(principal, region.path)) {
      throw new AppError('NOT_FOUND', '区域不存在或不在您的管辖范围内');
    }
    return region;
  }

  /** Creates (and audits) a child of a region inside the actor's subtree; the parent is checked first. */
  async createInScope(acting: Acting, input: NewRegion & { parentId: string }): Promise<Region> {
    await this.getInScope(acting.actor, input.parentId);
    const region = await this.create(input);
    await this.audit.record(acting, {
      action: 'region.create',
      resourceType: 'region',
      resourceId: region.id,
      result: 'success',
      detail: {
        name: region.name,
        level: region.level,
        parentId: region.parentId,
        division: region.code,
        boundaryPositions: positionCount(boundaryOf(region)),
      },
    });
    return region;
  }

  /** Edits name, code, boundary and centre of a region in scope; boundary changes are audited and re-indexed. */
  async updateInScope(acting: Acting, id: string, patch: RegionPatch): Promise<Region> {
    const region = await this.getInScope(acting.actor, id);
    const changes: Partial<Region> = {};
    const detail: Record<string, unknown> = {};
    if (patch.name !== undefined && patch.name !== region.name) {
      changes.name = patch.name;
      detail.name = { from: region.name, to: patch.name };
    }
    if (patch.code !== undefined && (patch.code || null) !== region.code) {
      changes.code = patch.code || null;
      detail.divisionChange = { from: region.code, to: changes.code };
    }
    if (patch.boundary !== undefined) {
      const geometry = patch.boundary === null ? null : checkedGeometry(patch.boundary);
      // A new boundary recomputes the centre unless one is given; clearing it clears a computed centre too.
      Object.assign(changes, storedBoundary(geometry, patch.center));
      detail.boundary = { fromPositions: positionCount(boundaryOf(region)), toPositions: positionCount(geometry) };
    } else if (patch.center !== undefined) {
      Object.assign(changes, { centerLng: patch.center?.[0] ?? null, centerLat: patch.center?.[1] ?? null });
    }
    if (patch.center !== undefined) detail.center = { to: patch.center };
    if (Object.keys(changes).length === 0) return region;
    await this.regions.update({ id }, changes);
    // The index carries names and boundaries.
    if (changes.boundary !== undefined || (changes.name && region.boundary)) await this.geoIndex.boundariesChanged();
    await this.audit.record(acting, {
      action: 'region.update',
      resourceType: 'region',
      resourceId: id,
      result: 'success',
      detail,
    });
    return this.get(id);
  }

  /** Deletes an empty region in scope (no children, registry records or bound accounts); audited. */
  async removeInScope(acting: Acting, id: string): Promise<void> {
    const region = await this.getInScope(acting.actor, id);
    const blockers = await this.usage.blockers(region);
    if (blockers.length) {
      await this.audit.record(acting, {
        action: 'region.delete',
        resourceType: 'region',
        resourceId: id,
        result: 'failure',
        detail: { blockers },
      });
      throw new AppError('REGION_NOT_EMPTY', `该区域下还有${blockers.join('、')}，不能删除`);
    }
    await this.regions.delete({ id });
    if (region.boundary) await this.geoIndex.boundariesChanged();
    await this.audit.record(acting, {
      action: 'region.delete',
      resourceType: 'region',
      resourceId: id,
      result: 'success',
      detail: { name: region.name, level: region.level, parentId: region.parentId, division: region.code },
    });
  }

  /** The principal's subtree, parents before children; empty for a principal without a region. */
  async listInScope(principal: Principal): Promise<Region[]> {
    const prefix = scopePrefix(principal);
    return prefix ? this.subtree(prefix) : [];
  }
}
