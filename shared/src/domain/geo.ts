/**
 * Plane geometry of region boundaries (GeoJSON Polygon / MultiPolygon, `[lng, lat]` in GCJ-02) and the
 * WGS84 ↔ GCJ-02 datum shift. Pure functions, no dependencies: used by the BFF (point → grid, import
 * validation), the admin map fallback and the mini-program alike.
 *
 * Distances use a local equirectangular projection around the query point: at town scale (a few km)
 * its error is far below a GPS fix's, and it costs one cosine per query.
 */
import type { BoundaryGeometry, LngLat } from '../api/registry';

/** `[minLng, minLat, maxLng, maxLat]` */
export type Bbox = [number, number, number, number];

/** Limits of a boundary accepted from a client or a GeoJSON import. */
export const GEO_LIMITS = {
  /** China (incl. islands) in GCJ-02: anything else is a swapped axis or a wrong datum. */
  lng: [73, 136] as const,
  lat: [3, 54] as const,
  /** Positions over all rings: a hand-drawn or imported town grid needs far fewer. */
  maxPositions: 5000,
};

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Below this (degrees, ~0.1 mm) a point counts as lying on an edge: floating-point slack, not a tolerance. */
const ON_EDGE_EPS = 1e-9;

/** The polygons of a geometry (a Polygon is a MultiPolygon of one). */
export function polygonsOf(geometry: BoundaryGeometry): LngLat[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  // Cheap rejection first: this runs for every edge of every candidate ring.
  if (px < (ax < bx ? ax : bx) - ON_EDGE_EPS || px > (ax > bx ? ax : bx) + ON_EDGE_EPS) return false;
  if (py < (ay < by ? ay : by) - ON_EDGE_EPS || py > (ay > by ? ay : by) + ON_EDGE_EPS) return false;
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.sqrt(dx * dx + dy * dy);
  if (len === 0) return true; // a repeated vertex, and the point is within eps of it (box test above)
  // Within the segment's box; on it when its distance from the line is below eps.
  return Math.abs((px - ax) * dy - (py - ay) * dx) / len <= ON_EDGE_EPS;
}

/** 1 = strictly inside the ring, 0 = on its boundary, -1 = outside (even-odd ray casting). */
function ringRelation(point: LngLat, ring: LngLat[]): 1 | 0 | -1 {
  const [px, py] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[j];
    if (onSegment(px, py, ax, ay, bx, by)) return 0;
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside ? 1 : -1;
}

function pointInPolygon(point: LngLat, rings: LngLat[][]): boolean {
  if (rings.length === 0) return false;
  const outer = ringRelation(point, rings[0]);
  if (outer <= 0) return outer === 0;
  for (let h = 1; h < rings.length; h += 1) {
    const rel = ringRelation(point, rings[h]);
    // Strictly inside a hole is outside the polygon; the hole's edge is the polygon's boundary.
    if (rel === 1) return false;
  }
  return true;
}

/** Whether the point lies in the geometry; a point on an edge or vertex counts as inside, one in a hole as outside. */
export function pointInGeometry(point: LngLat, geometry: BoundaryGeometry): boolean {
  return polygonsOf(geometry).some((rings) => pointInPolygon(point, rings));
}

/** Bounding box of all positions of the geometry. */
export function bboxOf(geometry: BoundaryGeometry): Bbox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings) {
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Metres per degree of longitude and of latitude at a latitude (local equirectangular projection). */
export function metresPerDegree(lat: number): { x: number; y: number } {
  const y = EARTH_RADIUS_M * RAD;
  return { x: y * Math.cos(lat * RAD), y };
}

/** Distance in metres from the point to the nearest edge of the geometry; 0 when inside or on an edge. */
export function distanceToGeometryM(point: LngLat, geometry: BoundaryGeometry): number {
  return pointInGeometry(point, geometry) ? 0 : distanceToBoundaryM(point, geometry);
}

/** Distance in metres from the point to the nearest edge of any ring, whether the point is inside or not. */
export function distanceToBoundaryM(point: LngLat, geometry: BoundaryGeometry): number {
  const [px, py] = point;
  const k = metresPerDegree(py);
  let best = Infinity;
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i += 1) {
        // Segment in metres relative to the point (the point is the origin).
        const ax = (ring[i - 1][0] - px) * k.x;
        const ay = (ring[i - 1][1] - py) * k.y;
        const bx = (ring[i][0] - px) * k.x;
        const by = (ring[i][1] - py) * k.y;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
        const ex = ax + t * dx;
        const ey = ay + t * dy;
        const d2 = ex * ex + ey * ey;
        if (d2 < best) best = d2;
      }
    }
  }
  return Math.sqrt(best);
}

/** Signed area (shoelace, in square degrees) and centroid of a ring. */
function ringAreaCentroid(ring: LngLat[]): { area: number; centroid: LngLat } {
  // Relative to the first vertex, so large coordinates do not cost precision.
  const [ox, oy] = ring[0];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const xi = ring[i][0] - ox;
    const yi = ring[i][1] - oy;
    const xj = ring[j][0] - ox;
    const yj = ring[j][1] - oy;
    const f = xj * yi - xi * yj;
    a += f;
    cx += (xj + xi) * f;
    cy += (yj + yi) * f;
  }
  a /= 2;
  if (a === 0) return { area: 0, centroid: ring[0] };
  return { area: a, centroid: [ox + cx / (6 * a), oy + cy / (6 * a)] };
}

/** Midpoint of the widest interval where the horizontal line at `y` crosses the interior of the polygon. */
function scanlinePoint(rings: LngLat[][], y: number): LngLat | null {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[j];
      if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
    }
  }
  xs.sort((p, q) => p - q);
  let best: LngLat | null = null;
  let width = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > width) {
      width = xs[i + 1] - xs[i];
      best = [(xs[i] + xs[i + 1]) / 2, y];
    }
  }
  return best;
}

/**
 * A label point / map centre: the centroid of the largest outer ring, or — when that centroid falls
 * outside (a C-shaped grid) — a point inside that polygon on a horizontal line through it.
 */
export function labelPoint(geometry: BoundaryGeometry): LngLat {
  let best: { rings: LngLat[][]; area: number; centroid: LngLat } | null = null;
  for (const rings of polygonsOf(geometry)) {
    if (!rings.length || !rings[0].length) continue;
    const { area, centroid } = ringAreaCentroid(rings[0]);
    if (!best || Math.abs(area) > best.area) best = { rings, area: Math.abs(area), centroid };
  }
  if (!best) throw new Error('labelPoint of an empty geometry');
  if (pointInPolygon(best.centroid, best.rings)) return best.centroid;
  const [, minY, , maxY] = bboxOf({ type: 'Polygon', coordinates: best.rings });
  for (const y of [best.centroid[1], (minY + maxY) / 2, minY + (maxY - minY) / 3, minY + (2 * (maxY - minY)) / 3]) {
    const p = scanlinePoint(best.rings, y);
    if (p && pointInPolygon(p, best.rings)) return p;
  }
  return best.rings[0][0];
}

export type GeometryCheck = { ok: true; geometry: BoundaryGeometry } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one ring and copies it as 2D positions; the message names the first problem. */
function checkRing(value: unknown, where: string, out: LngLat[][], budget: { left: number }): string | null {
  if (!Array.isArray(value)) return `${where}应为坐标数组`;
  if (value.length < 4) return `${where}至少需要 4 个坐标点（首尾相同）`;
  budget.left -= value.length;
  if (budget.left < 0) return `坐标点总数不能超过 ${GEO_LIMITS.maxPositions} 个`;
  const ring: LngLat[] = [];
  for (let i = 0; i < value.length; i += 1) {
    const pos: unknown = value[i];
    if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3) return `${where}第 ${i + 1} 个点应为 [经度, 纬度]`;
    const [lng, lat] = pos as unknown[];
    if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
      return `${where}第 ${i + 1} 个点的经纬度应为有限数字`;
    }
    if (lng < GEO_LIMITS.lng[0] || lng > GEO_LIMITS.lng[1] || lat < GEO_LIMITS.lat[0] || lat > GEO_LIMITS.lat[1]) {
      return `${where}第 ${i + 1} 个点不在中国境内（经度 ${GEO_LIMITS.lng[0]}–${GEO_LIMITS.lng[1]}，纬度 ${GEO_LIMITS.lat[0]}–${GEO_LIMITS.lat[1]}，GCJ-02）`;
    }
    ring.push([lng, lat]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) return `${where}未闭合：首尾坐标应相同`;
  if (new Set(ring.map(([x, y]) => `${x},${y}`)).size < 3 || ringAreaCentroid(ring).area === 0)
    return `${where}面积为零`;
  out.push(ring);
  return null;
}

function checkPolygon(
  value: unknown,
  where: string,
  budget: { left: number },
): { rings: LngLat[][] } | { message: string } {
  if (!Array.isArray(value) || value.length === 0) return { message: `${where}应为至少包含一个环的数组` };
  const rings: LngLat[][] = [];
  for (let r = 0; r < value.length; r += 1) {
    const message = checkRing(value[r], `${where}${r === 0 ? '外环' : `第 ${r} 个内环`}`, rings, budget);
    if (message) return { message };
  }
  return { rings };
}

/**
 * Validates an untrusted GeoJSON geometry (request body, import file) and returns a clean copy
 * (2D positions, no foreign members) or a Chinese message naming the first problem.
 */
export function validateGeometry(value: unknown): GeometryCheck {
  if (!isObject(value)) return { ok: false, message: '边界应为 GeoJSON 几何对象' };
  const budget = { left: GEO_LIMITS.maxPositions };
  if (value.type === 'Polygon') {
    const result = checkPolygon(value.coordinates, '多边形', budget);
    return 'message' in result
      ? { ok: false, message: result.message }
      : { ok: true, geometry: { type: 'Polygon', coordinates: result.rings } };
  }
  if (value.type === 'MultiPolygon') {
    if (!Array.isArray(value.coordinates) || value.coordinates.length === 0)
      return { ok: false, message: '多多边形应至少包含一个多边形' };
    const polygons: LngLat[][][] = [];
    for (let p = 0; p < value.coordinates.length; p += 1) {
      const result = checkPolygon(value.coordinates[p], `第 ${p + 1} 个多边形的`, budget);
      if ('message' in result) return { ok: false, message: result.message };
      polygons.push(result.rings);
    }
    return { ok: true, geometry: { type: 'MultiPolygon', coordinates: polygons } };
  }
  return { ok: false, message: '边界类型应为 Polygon 或 MultiPolygon' };
}

// --- WGS84 ↔ GCJ-02 ------------------------------------------------------------------------------
// The published GCJ-02 obfuscation (Krasovsky 1940 ellipsoid parameters). Outside China the shift
// is not applied, as every map provider does.

const GCJ_A = 6378245.0;
const GCJ_EE = 0.006693421622965943;

function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function shiftLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** GPS (WGS84) → the GCJ-02 coordinates Chinese maps (AMap, Tencent) and our boundaries use. */
export function wgs84ToGcj02([lng, lat]: LngLat): LngLat {
  if (outOfChina(lng, lat)) return [lng, lat];
  const dLat0 = shiftLat(lng - 105, lat - 35);
  const dLng0 = shiftLng(lng - 105, lat - 35);
  const radLat = lat * RAD;
  const magic = 1 - GCJ_EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (dLat0 * 180) / (((GCJ_A * (1 - GCJ_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (dLng0 * 180) / ((GCJ_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/**
 * GCJ-02 → WGS84 by fixed-point iteration of the forward shift (the shift has no closed inverse);
 * converges to well under a millimetre in a handful of steps.
 */
export function gcj02ToWgs84([lng, lat]: LngLat): LngLat {
  if (outOfChina(lng, lat)) return [lng, lat];
  let wLng = lng;
  let wLat = lat;
  for (let i = 0; i < 30; i += 1) {
    const [gLng, gLat] = wgs84ToGcj02([wLng, wLat]);
    const eLng = gLng - lng;
    const eLat = gLat - lat;
    wLng -= eLng;
    wLat -= eLat;
    if (Math.abs(eLng) < 1e-10 && Math.abs(eLat) < 1e-10) break;
  }
  return [wLng, wLat];
}
