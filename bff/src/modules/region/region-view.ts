import type { BoundaryGeometry, LngLat, RegionVO } from '@zhili/shared';
import type { Region } from './region.entity';

/** The stored boundary as geometry (validated on every write, so parsing is trusted here). */
export function boundaryOf(region: Pick<Region, 'boundary'>): BoundaryGeometry | null {
  return region.boundary ? (JSON.parse(region.boundary) as BoundaryGeometry) : null;
}

export function centerOf(region: Pick<Region, 'centerLng' | 'centerLat'>): LngLat | null {
  return region.centerLng !== null && region.centerLat !== null ? [region.centerLng, region.centerLat] : null;
}

/** `RegionVO`: the list shape, without the (possibly large) boundary itself. */
export function toRegionVO(r: Region): RegionVO {
  return {
    id: r.id,
    name: r.name,
    level: r.level,
    parentId: r.parentId,
    path: r.path,
    code: r.code,
    center: centerOf(r),
    hasBoundary: r.boundary !== null,
  };
}
