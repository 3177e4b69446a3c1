/**
 * Region shapes and names as Leaflet layers: one SVG path per region (tagged with its id, name and
 * level so pages and browser tests can find it), the parents' borders repeated above their
 * children, and the names placed by `placeLabels` as non-interactive markers.
 */
import type { RegionFeature, RegionLevelName } from '@zhili/shared';
import { labelPoint } from '../geo/geometry';
import { levelDepth, levelStroke } from '../geo/style';
import { L, toLatLng } from './offline-map';
import { placeLabels, type LabelShape } from './region-labels';

/** How a region is drawn: the grid map's full colours, or muted under case markers / a pin. */
export type RegionLook = 'full' | 'muted';

export interface RegionState {
  fill: string | undefined;
  selected?: boolean;
  hovered?: boolean;
  editing?: boolean;
}

const levelLine: Record<RegionLevelName, string> = {
  town: '#5b6b82',
  village: '#3c4a5e',
  community: '#3c4a5e',
  grid: '#ffffff',
};

/** Path style of one region; mirrors the colours of the former SVG map. */
export function regionStyle(level: RegionLevelName, look: RegionLook, state: RegionState): L.PathOptions {
  const base: L.PathOptions = {
    fillColor: state.fill ?? '#7fb3f5',
    color: levelLine[level],
    opacity: 1,
    fillRule: 'evenodd',
  };
  if (look === 'muted') return { ...base, weight: 1, fillOpacity: level === 'town' ? 0.35 : 0.45 };
  let fillOpacity = level === 'town' ? 0.6 : 0.85;
  let color = levelLine[level];
  if (state.hovered) [fillOpacity, color] = [1, '#1f6fd1'];
  if (state.selected) [fillOpacity, color] = [1, '#ff6a00'];
  if (state.editing) fillOpacity = 0.25;
  return { ...base, color, fillOpacity, weight: state.selected ? 3 : levelStroke[level] };
}

export interface RegionPath {
  feature: RegionFeature;
  layer: L.Polygon;
}

/** Features in draw order: parents first, so children lie on top and get the clicks. */
export function drawOrder(features: readonly RegionFeature[]): RegionFeature[] {
  return [...features].sort((a, b) => levelDepth[a.properties.level] - levelDepth[b.properties.level]);
}

/** A polygon layer for a feature (one path even for a MultiPolygon). */
export function regionPolygon(feature: RegionFeature, options: L.PolylineOptions): L.Polygon {
  const g = feature.geometry;
  const latlngs =
    g.type === 'Polygon'
      ? g.coordinates.map((r) => r.map(toLatLng))
      : g.coordinates.map((rings) => rings.map((r) => r.map(toLatLng)));
  return L.polygon(latlngs, options);
}

/** Marks a region's path for the page and tests (data-testid / data-id / data-name / …). */
export function tagRegionPath(path: RegionPath, selected: boolean, testId: string | null): void {
  const el = path.layer.getElement();
  if (!el) return;
  if (testId) el.setAttribute('data-testid', testId);
  el.setAttribute('data-id', path.feature.id);
  el.setAttribute('data-name', path.feature.properties.name);
  el.setAttribute('data-level', path.feature.properties.level);
  el.setAttribute('data-selected', selected ? 'true' : 'false');
}

function labelElement(name: string, modifiers: string[], testId: string | null): HTMLElement {
  const span = document.createElement('span');
  span.className = ['zl-map-label', ...modifiers.map((m) => `zl-map-label--${m}`)].join(' ');
  span.textContent = name; // text, never HTML: names are user data
  if (testId) span.setAttribute('data-testid', testId);
  return span;
}

/**
 * Redraws the region names in `group` for the map's current view: only the names `placeLabels`
 * keeps (they depend on zoom, so call this on every zoomend/moveend). `paths` in draw order.
 */
export function drawLabels(
  map: L.Map,
  group: L.LayerGroup,
  paths: readonly RegionPath[],
  options: { selectedId?: string | null; editingId?: string | null; testId: string | null; look?: RegionLook },
): void {
  group.clearLayers();
  const size = map.getSize();
  const parents = new Set(paths.map((p) => p.feature.properties.parentId).filter(Boolean));
  const positions = new Map<string, L.LatLng>();
  const shapes: LabelShape[] = paths.map(({ feature: f, layer }) => {
    const at = f.properties.center ?? labelPoint(f.geometry);
    const latlng = at ? L.latLng(at[1], at[0]) : null;
    if (latlng) positions.set(f.id, latlng);
    const b = layer.getBounds();
    const widthPx = b.isValid()
      ? map.latLngToContainerPoint(b.getNorthEast()).x - map.latLngToContainerPoint(b.getSouthWest()).x
      : 0;
    const p = latlng ? map.latLngToContainerPoint(latlng) : null;
    return {
      id: f.id,
      name: f.properties.name,
      parentId: f.properties.parentId,
      isParent: parents.has(f.id),
      at: p ? [p.x, p.y] : null,
      widthPx,
    };
  });
  const view = {
    width: size.x,
    height: size.y,
    selectedId: options.selectedId,
    editingId: options.editingId,
    coverAncestors: options.look === 'muted',
  };
  for (const l of placeLabels(shapes, view)) {
    const latlng = positions.get(l.id);
    if (!latlng) continue;
    // Under case markers names stay quiet: one size, grey.
    const modifiers =
      options.look === 'muted'
        ? ['muted']
        : [...(l.parent ? ['parent'] : []), ...(l.id === options.selectedId ? ['selected'] : [])];
    const icon = L.divIcon({
      className: 'zl-map-label-anchor',
      html: labelElement(l.name, modifiers, options.testId),
      iconSize: [0, 0],
    });
    group.addLayer(L.marker(latlng, { icon, interactive: false, keyboard: false, pane: 'labels' }));
  }
}

/**
 * One path per feature, in draw order, in a feature group ready to add to a map. Styled with the
 * `look`; `interactive: false` for maps where the regions are only the background.
 */
export function regionPaths(
  features: readonly RegionFeature[],
  options: { look: RegionLook; fills: ReadonlyMap<string, string>; interactive: boolean },
): { group: L.FeatureGroup; paths: RegionPath[] } {
  const group = L.featureGroup();
  const paths = drawOrder(features).map((feature) => {
    const style = regionStyle(feature.properties.level, options.look, { fill: options.fills.get(feature.id) });
    // No bubbling: a click on a region must not also count as a click on the empty map.
    const layer = regionPolygon(feature, { ...style, interactive: options.interactive, bubblingMouseEvents: false });
    group.addLayer(layer);
    return { feature, layer };
  });
  return { group, paths };
}
