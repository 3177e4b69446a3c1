import { onBeforeUnmount, onMounted, shallowRef, type Ref } from 'vue';
import { createOfflineMap, L } from './offline-map';

/** Padding (px) around fitted bounds, as the SVG map had. */
const FIT_PADDING: L.PointTuple = [32, 32];

/**
 * Lifecycle of an offline Leaflet map on a template ref: created on mount, resized with its
 * element (ResizeObserver → invalidateSize), removed on unmount. `fit` remembers the last bounds
 * and applies them once the element has a size, and bounds the zoom-out to two levels below the
 * fitted view so the user cannot lose the town (the zoom-in limit is the map's `MAX_ZOOM`).
 */
export function useOfflineMap(el: Ref<HTMLElement | null>, onCreated?: (map: L.Map) => void) {
  const map = shallowRef<L.Map | null>(null);
  let lastBounds: L.LatLngBounds | null = null;
  let sized = false;
  let observer: ResizeObserver | null = null;

  function fit(bounds: L.LatLngBounds | null = lastBounds): void {
    lastBounds = bounds;
    const m = map.value;
    if (!m || !bounds || !sized) return;
    m.setMinZoom(0);
    m.fitBounds(bounds, { padding: FIT_PADDING, animate: false });
    m.setMinZoom(Math.max(0, m.getZoom() - 2));
  }

  /** Zooms around the centre by `factor` (1.5 = the ＋ button). */
  function zoomBy(factor: number): void {
    const m = map.value;
    if (m) m.setZoom(m.getZoom() + Math.log2(factor));
  }

  onMounted(() => {
    if (!el.value) return;
    const m = createOfflineMap(el.value);
    map.value = m;
    onCreated?.(m);
    observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect || rect.width === 0 || rect.height === 0) return;
      m.invalidateSize({ animate: false });
      if (!sized) {
        sized = true;
        fit();
      }
    });
    observer.observe(el.value);
  });
  onBeforeUnmount(() => {
    observer?.disconnect();
    map.value?.remove();
    map.value = null;
  });

  return { map, fit, zoomBy };
}
