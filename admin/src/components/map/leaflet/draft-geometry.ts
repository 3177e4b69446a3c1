/**
 * Converts the boundary editor's Leaflet rings back to GeoJSON (pure, so it is unit-tested).
 */
import type { BoundaryGeometry, LngLat } from '@zhili/shared';
import { closeRing, partsOf } from '../geo/geometry';

export interface LatLngLike {
  lat: number;
  lng: number;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * The edited rings as a geometry of the draft's type, rings closed. A vertex the draft already had
 * keeps its exact stored value (the editor must not shift what the user did not touch); a moved or
 * added one is rounded to 1e-6° (≈ 0.1 m).
 */
export function editedGeometry(draft: BoundaryGeometry, latlngs: LatLngLike[][] | LatLngLike[][][]): BoundaryGeometry {
  const known = new Set(partsOf(draft).flatMap((rings) => rings.flatMap((ring) => ring.map((p) => `${p[0]},${p[1]}`))));
  const toRing = (ring: LatLngLike[]): LngLat[] =>
    closeRing(
      ring.map((p): LngLat => (known.has(`${p.lng},${p.lat}`) ? [p.lng, p.lat] : [round6(p.lng), round6(p.lat)])),
    );
  if (draft.type === 'Polygon') return { type: 'Polygon', coordinates: (latlngs as LatLngLike[][]).map(toRing) };
  return { type: 'MultiPolygon', coordinates: (latlngs as LatLngLike[][][]).map((rings) => rings.map(toRing)) };
}

/** The draft as Leaflet positions ([lat, lng], rings open as Leaflet keeps them). */
export function draftLatLngs(draft: BoundaryGeometry): [number, number][][] | [number, number][][][] {
  const ring = (r: LngLat[]): [number, number][] => r.slice(0, -1).map((p) => [p[1], p[0]]);
  return draft.type === 'Polygon' ? draft.coordinates.map(ring) : draft.coordinates.map((rings) => rings.map(ring));
}
