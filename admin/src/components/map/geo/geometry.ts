/**
 * Pure helpers over boundary geometries (GeoJSON Polygon / MultiPolygon, `[lng, lat]`, closed
 * rings): iteration, vertex deletion for the offline editor, label points, and parsing of pasted
 * or uploaded GeoJSON. Edits never mutate their input: the editor keeps the original for 取消.
 */
import type { BoundaryGeometry, LngLat } from '@zhili/shared';

/** A vertex of an editable geometry: polygon part, ring (0 = outer), index in the open ring. */
export interface VertexRef {
  part: number;
  ring: number;
  index: number;
}

/** Polygons of a geometry as lists of rings (a Polygon is one part). */
export function partsOf(geometry: BoundaryGeometry): LngLat[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function withParts(geometry: BoundaryGeometry, parts: LngLat[][][]): BoundaryGeometry {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: parts[0] ?? [] }
    : { type: 'MultiPolygon', coordinates: parts };
}

function samePoint(a: LngLat | undefined, b: LngLat | undefined): boolean {
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** The ring without its closing point (the form the editor works on). */
export function openRing(ring: readonly LngLat[]): LngLat[] {
  return ring.length > 1 && samePoint(ring[0], ring[ring.length - 1]) ? ring.slice(0, -1) : [...ring];
}

/** The ring with first point repeated at the end, as GeoJSON requires. */
export function closeRing(ring: readonly LngLat[]): LngLat[] {
  const first = ring[0];
  if (!first || samePoint(first, ring[ring.length - 1])) return [...ring];
  return [...ring, [first[0], first[1]]];
}

function editRing(
  geometry: BoundaryGeometry,
  ref: Pick<VertexRef, 'part' | 'ring'>,
  edit: (open: LngLat[]) => LngLat[] | null,
): BoundaryGeometry | null {
  const parts = partsOf(geometry).map((rings) => rings.map((ring) => ring.map((p): LngLat => [p[0], p[1]])));
  const ring = parts[ref.part]?.[ref.ring];
  if (!ring) return null;
  const edited = edit(openRing(ring));
  if (!edited) return null;
  (parts[ref.part] as LngLat[][])[ref.ring] = closeRing(edited);
  return withParts(geometry, parts);
}

/** Smallest ring the editor leaves: a triangle. */
export const MIN_RING_VERTICES = 3;

/** Deletes a vertex; null when the ring would drop below a triangle. */
export function deleteVertex(geometry: BoundaryGeometry, ref: VertexRef): BoundaryGeometry | null {
  return editRing(geometry, ref, (ring) => {
    if (ring.length <= MIN_RING_VERTICES || ref.index < 0 || ref.index >= ring.length) return null;
    ring.splice(ref.index, 1);
    return ring;
  });
}

/** Signed area (shoelace, in squared degrees) and centroid of a ring. */
function ringCentroid(ring: readonly LngLat[]): { area: number; c: LngLat } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const open = openRing(ring);
  for (let i = 0; i < open.length; i += 1) {
    const p = open[i] as LngLat;
    const q = open[(i + 1) % open.length] as LngLat;
    const cross = p[0] * q[1] - q[0] * p[1];
    a += cross;
    cx += (p[0] + q[0]) * cross;
    cy += (p[1] + q[1]) * cross;
  }
  if (Math.abs(a) < 1e-14) {
    const n = Math.max(open.length, 1);
    return { area: 0, c: [open.reduce((s, p) => s + p[0], 0) / n, open.reduce((s, p) => s + p[1], 0) / n] };
  }
  return { area: Math.abs(a / 2), c: [cx / (3 * a), cy / (3 * a)] };
}

/** A label point: the centroid of the largest outer ring (used when a region has no `center`). */
export function labelPoint(geometry: BoundaryGeometry): LngLat | null {
  let best: { area: number; c: LngLat } | null = null;
  for (const rings of partsOf(geometry)) {
    const outer = rings[0];
    if (!outer || outer.length < 3) continue;
    const candidate = ringCentroid(outer);
    if (!best || candidate.area > best.area) best = candidate;
  }
  return best?.c ?? null;
}

/** A small square around a point: the starting shape when a region without boundary is drawn. */
export function squareAround(center: LngLat, halfSizeDeg = 0.002): BoundaryGeometry {
  const [x, y] = center;
  const d = halfSizeDeg;
  return {
    type: 'Polygon',
    coordinates: [
      closeRing([
        [x - d, y - d],
        [x + d, y - d],
        [x + d, y + d],
        [x - d, y + d],
      ]),
    ],
  };
}

function isPosition(value: unknown): value is LngLat {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

function parseRings(value: unknown): LngLat[][] | string {
  if (!Array.isArray(value) || value.length === 0) return '多边形至少需要一个外环';
  const rings: LngLat[][] = [];
  for (const ring of value as unknown[]) {
    if (!Array.isArray(ring) || !ring.every(isPosition)) return '坐标应为 [经度, 纬度] 数组，且在有效范围内';
    const closed = closeRing((ring as LngLat[]).map((p): LngLat => [p[0], p[1]]));
    if (closed.length < MIN_RING_VERTICES + 1) return '每个环至少需要 3 个不同的顶点';
    rings.push(closed);
  }
  return rings;
}

/** Validates a GeoJSON geometry object; unclosed rings are closed. */
export function toBoundary(value: unknown): BoundaryGeometry | string {
  if (typeof value !== 'object' || value === null) return '不是有效的 GeoJSON 对象';
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') {
    const rings = parseRings(coordinates);
    return typeof rings === 'string' ? rings : { type: 'Polygon', coordinates: rings };
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return 'MultiPolygon 至少需要一个多边形';
    const parts: LngLat[][][] = [];
    for (const part of coordinates as unknown[]) {
      const rings = parseRings(part);
      if (typeof rings === 'string') return rings;
      parts.push(rings);
    }
    return { type: 'MultiPolygon', coordinates: parts };
  }
  return '几何类型应为 Polygon 或 MultiPolygon';
}

/**
 * The boundary of ONE region from pasted/uploaded text: a geometry, a Feature, or a
 * FeatureCollection with exactly one feature. Returns a Chinese error message otherwise.
 */
export function parseSingleBoundary(text: string): BoundaryGeometry | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return '内容不是有效的 JSON';
  }
  if (typeof json !== 'object' || json === null) return '不是有效的 GeoJSON 对象';
  const obj = json as { type?: unknown; geometry?: unknown; features?: unknown };
  if (obj.type === 'FeatureCollection') {
    if (!Array.isArray(obj.features) || obj.features.length !== 1) return '单个区域只能粘贴一个要素（Feature）';
    return parseSingleBoundary(JSON.stringify(obj.features[0]));
  }
  if (obj.type === 'Feature') return toBoundary(obj.geometry);
  return toBoundary(json);
}

/** Counts vertices (closing points excluded), e.g. for the editor's status line. */
export function vertexCount(geometry: BoundaryGeometry): number {
  return partsOf(geometry).reduce((sum, rings) => sum + rings.reduce((s, r) => s + openRing(r).length, 0), 0);
}
