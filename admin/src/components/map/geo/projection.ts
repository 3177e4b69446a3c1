/**
 * Planar projection for the offline map: GCJ-02 lng/lat → local Web-Mercator metres around an
 * origin (the data's centre), so SVG coordinates stay small (float32-safe) and shapes keep their
 * proportions. A `View` maps world metres to screen pixels (`screen = k·world + (x, y)`, y down).
 */
import type { LngLat } from '@zhili/shared';

const EARTH_RADIUS_M = 6_378_137;
const RAD = Math.PI / 180;

export interface Projection {
  origin: LngLat;
  /** lng/lat → world metres (x east, y south so it matches the screen's y axis). */
  toWorld(point: LngLat): [number, number];
  /** world metres → lng/lat, rounded to 1e-6° (≈ 0.1 m), enough for a boundary. */
  toLngLat(world: [number, number]): LngLat;
}

function mercY(lat: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2)) * EARTH_RADIUS_M;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A projection centred on `origin` (any point near the data). */
export function createProjection(origin: LngLat): Projection {
  const x0 = origin[0] * RAD * EARTH_RADIUS_M;
  const y0 = mercY(origin[1]);
  return {
    origin,
    toWorld: ([lng, lat]) => [lng * RAD * EARTH_RADIUS_M - x0, -(mercY(lat) - y0)],
    toLngLat: ([wx, wy]) => {
      const lng = (wx + x0) / EARTH_RADIUS_M / RAD;
      const lat = (2 * Math.atan(Math.exp((y0 - wy) / EARTH_RADIUS_M)) - Math.PI / 2) / RAD;
      return [round6(lng), round6(lat)];
    },
  };
}

/** Axis-aligned box `[minX, minY, maxX, maxY]`. */
export type Box = [number, number, number, number];

export function emptyBox(): Box {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

export function extendBox(box: Box, x: number, y: number): void {
  if (x < box[0]) box[0] = x;
  if (y < box[1]) box[1] = y;
  if (x > box[2]) box[2] = x;
  if (y > box[3]) box[3] = y;
}

export function isEmptyBox(box: Box): boolean {
  return !(box[0] <= box[2] && box[1] <= box[3]);
}

/** Screen transform: `screen = k·world + (x, y)`. */
export interface View {
  k: number;
  x: number;
  y: number;
}

/** The view that shows `box` centred in a `width × height` viewport with `padding` pixels. */
export function fitView(box: Box, width: number, height: number, padding = 24): View {
  if (isEmptyBox(box) || width <= 0 || height <= 0) return { k: 1, x: width / 2, y: height / 2 };
  const w = Math.max(box[2] - box[0], 1);
  const h = Math.max(box[3] - box[1], 1);
  const k = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  return { k, x: width / 2 - k * ((box[0] + box[2]) / 2), y: height / 2 - k * ((box[1] + box[3]) / 2) };
}

/** Zooms by `factor` keeping the screen point (px, py) fixed (wheel zoom around the cursor). */
export function zoomAt(view: View, factor: number, px: number, py: number, limits: [number, number]): View {
  const k = Math.min(Math.max(view.k * factor, limits[0]), limits[1]);
  const f = k / view.k;
  return { k, x: px - (px - view.x) * f, y: py - (py - view.y) * f };
}

export function toScreen(view: View, world: [number, number]): [number, number] {
  return [view.k * world[0] + view.x, view.k * world[1] + view.y];
}

export function fromScreen(view: View, screen: [number, number]): [number, number] {
  return [(screen[0] - view.x) / view.k, (screen[1] - view.y) / view.k];
}
