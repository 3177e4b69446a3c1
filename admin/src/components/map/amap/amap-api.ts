/**
 * The few AMap JS API 2.0 members the region map uses, typed by hand (the loader returns an
 * untyped namespace). Kept minimal on purpose: extend when a feature needs more.
 */
import type { AMapNamespace } from '../useAmap';

export interface AmapLngLat {
  getLng(): number;
  getLat(): number;
}

type Handler = (event: { target?: unknown }) => void;

export interface AmapOverlay {
  on(event: string, handler: Handler): void;
  setOptions(options: Record<string, unknown>): void;
}

export interface AmapPolygon extends AmapOverlay {
  /** Rings of `AmapLngLat` (outer + holes), or one ring for a simple polygon. */
  getPath(): AmapLngLat[] | AmapLngLat[][];
}

export interface AmapMap {
  add(overlays: AmapOverlay | AmapOverlay[]): void;
  remove(overlays: AmapOverlay | AmapOverlay[]): void;
  setFitView(overlays?: AmapOverlay[], immediately?: boolean, avoid?: number[]): void;
  destroy(): void;
}

export interface AmapPolygonEditor {
  open(): void;
  close(): void;
  on(event: 'adjust' | 'addnode' | 'removenode' | 'end', handler: Handler): void;
}

export interface AmapApi {
  Map: new (container: HTMLElement, options: Record<string, unknown>) => AmapMap;
  Polygon: new (options: Record<string, unknown>) => AmapPolygon;
  Text: new (options: Record<string, unknown>) => AmapOverlay;
  PolygonEditor: new (map: AmapMap, polygon: AmapPolygon) => AmapPolygonEditor;
}

/** Narrows the loader's namespace to the members above (all constructors present). */
export function asAmapApi(ns: AMapNamespace | null): AmapApi | null {
  if (!ns) return null;
  const needed = ['Map', 'Polygon', 'Text', 'PolygonEditor'];
  return needed.every((name) => typeof ns[name] === 'function') ? (ns as unknown as AmapApi) : null;
}
