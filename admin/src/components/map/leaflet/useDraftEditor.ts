/**
 * Boundary editing on the offline map with Geoman: the draft as a dashed polygon whose vertices
 * can be dragged, edge midpoints pressed to add a vertex, and a vertex deleted by right-click,
 * the Delete key or 删除选中顶点 (never below a triangle: we delete through `deleteVertex`, which
 * refuses, instead of Geoman's removal, which would drop the whole ring). Controlled like the
 * AMap editor: every change is emitted as a new draft, and a draft replaced from outside (GeoJSON
 * paste, a deletion) reopens the editor. Geoman is loaded when editing first starts, so the map
 * pages that never edit do not ship it.
 */
import { computed, onBeforeUnmount, ref, watch, type ShallowRef } from 'vue';
import type { BoundaryGeometry } from '@zhili/shared';
import { deleteVertex, type VertexRef } from '../geo/geometry';
import { draftLatLngs, editedGeometry, type LatLngLike } from './draft-geometry';
import { L } from './offline-map';

/** Geoman's vertex marker; `_middleMarkerNext` is the edge handle after it (undocumented). */
type VertexMarker = L.Marker & { _middleMarkerNext?: L.Marker };
/** Geoman keeps its vertex markers nested like the rings in `_markers` (undocumented; read only to tag them). */
type GeomanInternals = { _markers?: unknown };

/** Vertex markers with their ring position: `_markers` is [ring][i] for a Polygon, [part][ring][i] for a MultiPolygon. */
function vertexMarkers(nested: unknown, path: number[] = []): { marker: VertexMarker; ref: VertexRef }[] {
  if (!Array.isArray(nested)) return [];
  return nested.flatMap((item: unknown, i) => {
    if (Array.isArray(item)) return vertexMarkers(item, [...path, i]);
    if (!(item instanceof L.Marker)) return [];
    const [part, ring] = path.length >= 2 ? [path[0] ?? 0, path[1] ?? 0] : [0, path[0] ?? 0];
    return [{ marker: item as VertexMarker, ref: { part, ring, index: i } }];
  });
}

let geoman: Promise<void> | null = null;

/**
 * Loads Geoman once. Opt-in mode: only layers that ask for it (the draft polygon, the map being
 * edited on) get Geoman's per-layer state, not the thousands of case markers drawn elsewhere.
 */
function loadGeoman(): Promise<void> {
  geoman ??= Promise.all([
    import('@geoman-io/leaflet-geoman-free'),
    import('@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css'),
  ]).then(() => {
    L.PM.setOptIn(true);
  });
  return geoman;
}

const sameRef = (a: VertexRef | null, b: VertexRef): boolean =>
  !!a && a.part === b.part && a.ring === b.ring && a.index === b.index;

export function useDraftEditor(
  map: ShallowRef<L.Map | null>,
  source: { editingId: () => string | null; draft: () => BoundaryGeometry | null },
  on: { draft: (geometry: BoundaryGeometry) => void; refused: (message: string) => void },
) {
  const selected = ref<VertexRef | null>(null);
  let layer: L.Polygon | null = null;
  /** The last draft this editor produced itself (so it is not reopened on its own changes). */
  let lastEmitted: BoundaryGeometry | null = null;
  /** Where each vertex marker currently sits in the rings (indices shift when one is added). */
  const refs = new WeakMap<L.Marker, VertexRef>();

  function remove(vertex: VertexRef | null): void {
    const draft = source.draft();
    if (!vertex || !draft) return;
    const next = deleteVertex(draft, vertex);
    if (!next) {
      on.refused('每个环至少需要 3 个顶点，不能再删除');
      return;
    }
    on.draft(next); // a draft from outside: the watcher below reopens the editor on it
  }

  function wire(marker: L.Marker): void {
    if (refs.has(marker)) return;
    marker.on('contextmenu', (event: L.LeafletMouseEvent) => {
      L.DomEvent.preventDefault(event.originalEvent);
      remove(refs.get(marker) ?? null);
    });
    marker.on('click dragstart', () => {
      selected.value = refs.get(marker) ?? null;
      tag();
    });
  }

  /** Marks the handles for the page and the browser tests, in ring order (`data-index`). */
  function tag(): void {
    const markers = vertexMarkers((layer?.pm as GeomanInternals | undefined)?._markers);
    for (const { marker, ref: at } of markers) {
      wire(marker);
      refs.set(marker, at);
      const el = marker.getElement();
      if (el) {
        el.setAttribute('data-testid', 'geo-vertex');
        el.setAttribute('data-index', String(at.index));
        el.title = '拖动移动，右键删除';
        el.classList.toggle('zl-map-vertex--selected', sameRef(selected.value, at));
      }
      const mid = marker._middleMarkerNext?.getElement();
      if (mid) {
        mid.setAttribute('data-testid', 'geo-midpoint');
        mid.setAttribute('data-index', String(at.index));
        mid.title = '按下添加顶点';
      }
    }
  }

  function sync(): void {
    const draft = source.draft();
    if (!layer || !draft) return;
    lastEmitted = editedGeometry(draft, layer.getLatLngs() as LatLngLike[][] | LatLngLike[][][]);
    on.draft(lastEmitted);
    tag();
  }

  /** Bumped by every open/close, so an open still waiting for Geoman gives way to a later call. */
  let generation = 0;

  function close(): void {
    generation += 1;
    layer?.pm?.disable();
    layer?.remove();
    layer = null;
    selected.value = null;
  }

  async function open(): Promise<void> {
    close();
    const mine = generation;
    await loadGeoman();
    const m = map.value;
    const draft = source.draft();
    if (mine !== generation || !m || !source.editingId() || !draft) return;
    // The map was created before Geoman was loaded (or without opting in): give it Geoman's state.
    // reInitLayer has a branch for maps; its typings only name layers.
    m.options.pmIgnore = false;
    L.PM.reInitLayer(m as unknown as L.Layer);
    layer = L.polygon(draftLatLngs(draft), {
      pane: 'editing',
      pmIgnore: false,
      color: '#ff8a00',
      weight: 2,
      dashArray: '6 4',
      fillColor: '#ff9900',
      fillOpacity: 0.18,
      fillRule: 'evenodd',
    });
    layer.addTo(m);
    // No snapping to neighbours, no dragging of the whole shape, no Geoman vertex removal: the
    // former editor moved exactly the vertex the user dragged; the BFF validates the geometry.
    layer.pm.enable({ snappable: false, draggable: false, allowSelfIntersection: true, preventMarkerRemoval: true });
    layer.on('pm:edit', sync);
    tag();
  }

  watch([map, source.editingId], () => (source.editingId() ? void open() : close()), { immediate: true });
  watch(source.draft, (draft) => {
    if (source.editingId() && draft && draft !== lastEmitted) void open();
  });
  onBeforeUnmount(close);

  return { deleteSelected: () => remove(selected.value), hasSelection: computed(() => selected.value !== null) };
}
