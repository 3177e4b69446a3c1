/**
 * Leaflet building blocks shared by the offline maps (region map, case map, pin map): a map with
 * no tile layer (our GCJ-02 GeoJSON is drawn as vectors, so it works without network and stays
 * aligned with the GCJ-02 data), the panes the maps stack their layers in, and bounds helpers.
 *
 * The Leaflet object is imported as the module's default export on purpose: plugins (Geoman,
 * markercluster) attach themselves to that same mutable object, which a namespace import would
 * not see.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './offline-map.css';
import type { LngLat, RegionFeature } from '@zhili/shared';
import { partsOf } from '../geo/geometry';

export { L };

/** Highest zoom any offline map allows (≈ a house; markercluster needs a finite maximum). */
export const MAX_ZOOM = 20;

/** Panes above Leaflet's overlay pane (400) and below its marker pane (600). */
const PANES: Record<string, number> = { outlines: 410, editing: 420, labels: 450 };

/** A tile-less map in `container` with our own controls (no Leaflet zoom buttons, no attribution). */
export function createOfflineMap(container: HTMLElement): L.Map {
  const map = L.map(container, {
    zoomControl: false,
    attributionControl: false,
    // Fractional zoom so fitting a town uses the whole viewport and the ± buttons zoom by 1.5×.
    zoomSnap: 0,
    zoomDelta: 0.5,
    wheelPxPerZoomLevel: 120,
    maxZoom: MAX_ZOOM,
    center: [0, 0],
    zoom: 2,
  });
  for (const [name, zIndex] of Object.entries(PANES)) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(zIndex);
  }
  // Outlines and labels are drawing only: the shapes below them take the clicks.
  (map.getPane('outlines') as HTMLElement).style.pointerEvents = 'none';
  (map.getPane('labels') as HTMLElement).style.pointerEvents = 'none';
  return map;
}

/** Leaflet's [lat, lng] for our GeoJSON order [lng, lat]. */
export const toLatLng = (p: LngLat): L.LatLngTuple => [p[1], p[0]];

/** Bounds of every outer ring (null when there is nothing to show). */
export function featuresBounds(features: readonly RegionFeature[]): L.LatLngBounds | null {
  const points: L.LatLngTuple[] = [];
  for (const f of features)
    for (const rings of partsOf(f.geometry)) for (const p of rings[0] ?? []) points.push(toLatLng(p));
  return points.length ? L.latLngBounds(points) : null;
}

/** A square of `halfMetres` around a point (the area a mini-map shows around one case). */
export function boundsAround(p: LngLat, halfMetres: number): L.LatLngBounds {
  return L.latLng(p[1], p[0]).toBounds(halfMetres * 2);
}

/** Rounds a map position to 1e-6° (≈ 0.1 m), the precision we store. */
export function roundedLngLat(latlng: L.LatLng): LngLat {
  return [Math.round(latlng.lng * 1e6) / 1e6, Math.round(latlng.lat * 1e6) / 1e6];
}
