import RBush, { BBox } from 'rbush';
import { bboxOf, distanceToBoundaryM, metresPerDegree, pointInGeometry } from '@zhili/shared';
import type { BoundaryGeometry, LngLat, RegionLevelName, RegionResolveVO } from '@zhili/shared';

/** One region boundary as the index needs it. */
export interface IndexedRegion {
  id: string;
  name: string;
  path: string;
  level: RegionLevelName;
  geometry: BoundaryGeometry;
}

interface Entry extends BBox {
  region: IndexedRegion;
  /** Bounding-box area in square degrees: among overlapping candidates the smaller one is more specific. */
  area: number;
}

const NONE: RegionResolveVO = Object.freeze({
  regionId: null,
  name: null,
  path: null,
  exact: false,
  distanceM: 0,
}) as RegionResolveVO;

function entryOf(region: IndexedRegion): Entry {
  const [minX, minY, maxX, maxY] = bboxOf(region.geometry);
  return { minX, minY, maxX, maxY, region, area: (maxX - minX) * (maxY - minY) };
}

function answer(region: IndexedRegion, exact: boolean, distanceM: number): RegionResolveVO {
  return {
    regionId: region.id,
    name: region.name,
    path: region.path,
    exact,
    distanceM: exact ? 0 : Math.round(distanceM * 10) / 10,
  };
}

/**
 * An in-memory point → region index: an R-tree (rbush) of boundary bounding boxes, then an exact
 * point-in-polygon test on the few candidates whose box contains the point.
 *
 * Two levels: grids first; villages and communities are the fallback for places no grid covers.
 * Resolution order (a point never jumps across a village boundary it lies in):
 * 1. the grid containing the point (edges count as inside);
 * 2. else, when a village/community contains it, the nearest of that village's grids within the
 *    tolerance, or the village itself;
 * 3. else the nearest grid within the tolerance, then the nearest village/community within it;
 * 4. else nothing.
 * Immutable once built; GeoIndexService swaps in a new one when boundaries change.
 */
export class GeoIndex {
  private readonly grids = new RBush<Entry>();
  private readonly areas = new RBush<Entry>();
  readonly size: number;

  constructor(regions: readonly IndexedRegion[]) {
    this.grids.load(regions.filter((r) => r.level === 'grid').map(entryOf));
    this.areas.load(regions.filter((r) => r.level === 'village' || r.level === 'community').map(entryOf));
    this.size = regions.length;
  }

  /**
   * The region for a GCJ-02 point. `within` (a materialized path prefix) limits the answer to a
   * subtree, e.g. the caller's data scope.
   */
  resolve(lng: number, lat: number, toleranceM = 200, within?: string): RegionResolveVO {
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return NONE;
    const point: LngLat = [lng, lat];
    const accept = (e: Entry): boolean => !within || e.region.path.startsWith(within);
    const grid = this.containing(this.grids, point, accept);
    if (grid) return answer(grid.region, true, 0);
    const area = this.containing(this.areas, point, accept);
    if (area) {
      const near = this.nearest(
        this.grids,
        point,
        toleranceM,
        (e) => accept(e) && e.region.path.startsWith(area.region.path),
      );
      return near ? answer(near.entry.region, false, near.distanceM) : answer(area.region, true, 0);
    }
    const near =
      this.nearest(this.grids, point, toleranceM, accept) ?? this.nearest(this.areas, point, toleranceM, accept);
    return near ? answer(near.entry.region, false, near.distanceM) : NONE;
  }

  /** The smallest (by box) region of the tree whose boundary contains the point. */
  private containing(tree: RBush<Entry>, [lng, lat]: LngLat, accept: (e: Entry) => boolean): Entry | null {
    let best: Entry | null = null;
    for (const e of tree.search({ minX: lng, minY: lat, maxX: lng, maxY: lat })) {
      if ((!best || e.area < best.area) && accept(e) && pointInGeometry([lng, lat], e.region.geometry)) best = e;
    }
    return best;
  }

  /**
   * The region nearest to the point within `toleranceM` metres (box search widened by the tolerance).
   * Only called once `containing` found no accepted region of this tree around the point, so the
   * distance to the boundary is the distance to the region.
   */
  private nearest(
    tree: RBush<Entry>,
    point: LngLat,
    toleranceM: number,
    accept: (e: Entry) => boolean,
  ): { entry: Entry; distanceM: number } | null {
    if (!(toleranceM > 0)) return null;
    const [px, py] = point;
    const k = metresPerDegree(py);
    const dx = toleranceM / k.x;
    const dy = toleranceM / k.y;
    let best: { entry: Entry; distanceM: number } | null = null;
    for (const e of tree.search({ minX: px - dx, minY: py - dy, maxX: px + dx, maxY: py + dy })) {
      if (!accept(e)) continue;
      // The distance to the box is a lower bound: skip the exact distance when it cannot win.
      const bx = Math.max(e.minX - px, 0, px - e.maxX) * k.x;
      const by = Math.max(e.minY - py, 0, py - e.maxY) * k.y;
      if (Math.sqrt(bx * bx + by * by) > (best ? best.distanceM : toleranceM)) continue;
      const d = distanceToBoundaryM(point, e.region.geometry);
      if (d <= toleranceM && (!best || d < best.distanceM)) best = { entry: e, distanceM: d };
    }
    return best;
  }
}

/** Resolutions per second of `index` over `points` (for `npm run bench -- registry`). */
export function benchmarkResolve(
  index: GeoIndex,
  points: readonly LngLat[],
  toleranceM = 200,
): { resolutions: number; perSecond: number; resolved: number } {
  let resolved = 0;
  const started = process.hrtime.bigint();
  for (const [lng, lat] of points) if (index.resolve(lng, lat, toleranceM).regionId) resolved += 1;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { resolutions: points.length, perSecond: points.length / Math.max(seconds, 1e-9), resolved };
}
