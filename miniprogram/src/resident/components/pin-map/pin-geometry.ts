import { metresPerDegree } from '@zhili/shared/client';

/**
 * Geometry of the offline pin map (H5 has no map tiles and no key): a square of ±`halfM` metres
 * around the located point, divided into `cells` × `cells` tap targets. Pure, so it is unit-tested.
 */
export interface LngLatPoint {
  lng: number;
  lat: number;
}

export const PIN_MAP = { halfM: 150, cells: 9, stepM: 10 } as const;

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The point `eastM` metres east and `northM` metres north of `from` (local flat approximation). */
export function movePoint(from: LngLatPoint, eastM: number, northM: number): LngLatPoint {
  const m = metresPerDegree(from.lat);
  return { lng: round6(from.lng + eastM / m.x), lat: round6(from.lat + northM / m.y) };
}

/** Offset of `point` from `anchor` in metres (east, north). */
export function offsetMetres(anchor: LngLatPoint, point: LngLatPoint): { east: number; north: number } {
  const m = metresPerDegree(anchor.lat);
  return { east: (point.lng - anchor.lng) * m.x, north: (point.lat - anchor.lat) * m.y };
}

/** Keeps an offset inside the square (the pin never leaves the drawn map). */
export function clampOffset(
  o: { east: number; north: number },
  halfM: number = PIN_MAP.halfM,
): { east: number; north: number } {
  const c = (v: number) => Math.max(-halfM, Math.min(halfM, v));
  return { east: c(o.east), north: c(o.north) };
}

/** The centre of cell (col, row), row 0 at the top (north), as an offset from the anchor in metres. */
export function cellOffset(
  col: number,
  row: number,
  halfM: number = PIN_MAP.halfM,
  cells: number = PIN_MAP.cells,
): { east: number; north: number } {
  const size = (2 * halfM) / cells;
  return { east: -halfM + size * (col + 0.5), north: halfM - size * (row + 0.5) };
}

/** Where an offset sits on the drawn square, in percent from the left and from the top. */
export function offsetPercent(
  o: { east: number; north: number },
  halfM: number = PIN_MAP.halfM,
): { left: number; top: number } {
  return { left: ((o.east + halfM) / (2 * halfM)) * 100, top: ((halfM - o.north) / (2 * halfM)) * 100 };
}
