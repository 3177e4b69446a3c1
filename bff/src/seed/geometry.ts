import type { LngLat, PolygonGeometry } from '@zhili/shared';
import type { Rng } from './prng';

/**
 * Geometry of the demo town: a jittered lattice of cells over the town's extent. Every region is a
 * set of lattice cells and its boundary is the outline of those cells, traced along the shared
 * lattice edges, so neighbouring grids share their vertices exactly: grids tile their village,
 * villages tile the town, nothing overlaps and nothing is left uncovered.
 */

export interface LatticeOptions {
  cols: number;
  rows: number;
  /** Centre of the town (GCJ-02). */
  center: LngLat;
  /** Extent in degrees. */
  widthDeg: number;
  heightDeg: number;
}

/** Lattice vertex coordinates, `(cols + 1) × (rows + 1)`, indexed `[i][j]` (i = column, j = row). */
export interface Lattice {
  cols: number;
  rows: number;
  vertices: LngLat[][];
}

/** A cell of the lattice by column and row (row 0 is the southernmost). */
export interface Cell {
  i: number;
  j: number;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Dense in the middle (the town centre's communities have small grids), wider at the edges (fields).
 * Monotonic with slope 0.6 … 1.4, so no cell collapses.
 */
function warp(u: number): number {
  const t = 2 * u - 1;
  return 0.6 * u + 0.4 * (0.5 + 0.5 * Math.sign(t) * t * t);
}

/**
 * The jittered lattice. Jitter stays below a quarter of the local spacing, which keeps every cell a
 * simple quadrilateral; coordinates are rounded once here, so shared vertices are bit-identical.
 */
export function buildLattice(rng: Rng, o: LatticeOptions): Lattice {
  const west = o.center[0] - o.widthDeg / 2;
  const south = o.center[1] - o.heightDeg / 2;
  const xs = Array.from({ length: o.cols + 1 }, (_, i) => west + warp(i / o.cols) * o.widthDeg);
  const ys = Array.from({ length: o.rows + 1 }, (_, j) => south + warp(j / o.rows) * o.heightDeg);
  const spacing = (values: number[], k: number) =>
    Math.min(
      k > 0 ? values[k] - values[k - 1] : Infinity,
      k < values.length - 1 ? values[k + 1] - values[k] : Infinity,
    );
  const vertices: LngLat[][] = [];
  for (let i = 0; i <= o.cols; i += 1) {
    const column: LngLat[] = [];
    for (let j = 0; j <= o.rows; j += 1) {
      const dx = spacing(xs, i) * rng.range(-0.22, 0.22);
      const dy = spacing(ys, j) * rng.range(-0.22, 0.22);
      column.push([round6(xs[i] + dx), round6(ys[j] + dy)]);
    }
    vertices.push(column);
  }
  return { cols: o.cols, rows: o.rows, vertices };
}

/**
 * The outline of a set of cells as one closed counter-clockwise ring (GeoJSON's exterior
 * orientation). The cells must form one block without holes or pinch points (all generated regions
 * are index-space rectangles), so every outline vertex starts exactly one boundary edge.
 */
export function outline(lattice: Lattice, cells: readonly Cell[]): LngLat[] {
  const key = (i: number, j: number) => `${i},${j}`;
  const edges = new Map<string, string>();
  const inSet = new Set(cells.map((c) => key(c.i, c.j)));
  for (const { i, j } of cells) {
    // Each side whose neighbouring cell is outside the set is on the outline (CCW order per cell).
    if (!inSet.has(key(i, j - 1))) edges.set(key(i, j), key(i + 1, j));
    if (!inSet.has(key(i + 1, j))) edges.set(key(i + 1, j), key(i + 1, j + 1));
    if (!inSet.has(key(i, j + 1))) edges.set(key(i + 1, j + 1), key(i, j + 1));
    if (!inSet.has(key(i - 1, j))) edges.set(key(i, j + 1), key(i, j));
  }
  const start = edges.keys().next().value as string;
  const ring: LngLat[] = [];
  let at = start;
  do {
    const [i, j] = at.split(',').map(Number);
    ring.push(lattice.vertices[i][j]);
    const next = edges.get(at);
    if (next === undefined) throw new Error(`outline broken at ${at}`);
    at = next;
  } while (at !== start && ring.length <= edges.size);
  if (ring.length !== edges.size) throw new Error('cells do not form one simple block');
  ring.push(ring[0]);
  return ring;
}

export function polygonOf(ring: LngLat[]): PolygonGeometry {
  return { type: 'Polygon', coordinates: [ring] };
}

/** Metres per degree near the town (equirectangular is plenty for a few kilometres). */
function metresPerDegree(lat: number): [number, number] {
  return [111_320 * Math.cos((lat * Math.PI) / 180), 110_574];
}

/**
 * Area of a closed ring in square metres (positive for counter-clockwise rings). Pass the same
 * `refLat` to compare areas of different rings (the scale then matches exactly).
 */
export function ringAreaM2(ring: readonly LngLat[], refLat: number = ring[0][1]): number {
  const [mx, my] = metresPerDegree(refLat);
  const [x0, y0] = ring[0];
  let sum = 0;
  // Relative to the first vertex: the shoelace is translation-invariant and keeps full precision.
  for (let k = 0; k < ring.length - 1; k += 1) {
    sum += (ring[k][0] - x0) * (ring[k + 1][1] - y0) - (ring[k + 1][0] - x0) * (ring[k][1] - y0);
  }
  return (sum / 2) * mx * my;
}

/** Area-weighted centroid of a closed ring, rounded like the vertices. */
export function ringCentroid(ring: readonly LngLat[]): LngLat {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const [x0, y0] = ring[0];
  for (let k = 0; k < ring.length - 1; k += 1) {
    const [x1, y1] = [ring[k][0] - x0, ring[k][1] - y0];
    const [x2, y2] = [ring[k + 1][0] - x0, ring[k + 1][1] - y0];
    const cross = x1 * y2 - x2 * y1;
    a += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return [round6(x0 + cx / (3 * a)), round6(y0 + cy / (3 * a))];
}

/** Even-odd ray casting; points exactly on an edge may land on either side. */
export function pointInRing(point: LngLat, ring: readonly LngLat[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let k = 0, l = ring.length - 2; k < ring.length - 1; l = k, k += 1) {
    const [xi, yi] = ring[k];
    const [xj, yj] = ring[l];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export function ringBBox(ring: readonly LngLat[]): BBox {
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return { minLng: Math.min(...lngs), minLat: Math.min(...lats), maxLng: Math.max(...lngs), maxLat: Math.max(...lats) };
}

/** A uniformly random point strictly inside a ring (rejection sampling in its bounding box). */
export function randomPointIn(rng: Rng, ring: readonly LngLat[], bbox: BBox = ringBBox(ring)): LngLat {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const p: LngLat = [round6(rng.range(bbox.minLng, bbox.maxLng)), round6(rng.range(bbox.minLat, bbox.maxLat))];
    if (pointInRing(p, ring)) return p;
  }
  return ringCentroid(ring);
}
