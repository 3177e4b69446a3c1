import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import { fitView, isEmptyBox, zoomAt, type Box, type View } from '../geo/projection';

/** Drag distance (px) below which a press counts as a click, not a pan. */
export const CLICK_SLOP_PX = 4;

/**
 * Viewport state of the offline map: the element's size (ResizeObserver), the current view, fit
 * to a box, wheel zoom around the cursor and drag panning. Zoom is bounded relative to the fitted
 * scale so the user cannot lose the town.
 */
export function useSvgView(el: Ref<HTMLElement | null>) {
  const width = ref(0);
  const height = ref(0);
  const view = ref<View>({ k: 1, x: 0, y: 0 });
  let fitK = 1;
  let lastBox: Box | null = null;
  let observer: ResizeObserver | null = null;

  function fit(box: Box | null = lastBox): void {
    lastBox = box;
    if (!box || isEmptyBox(box) || width.value === 0) return;
    view.value = fitView(box, width.value, height.value, 32);
    fitK = view.value.k;
  }

  function zoomBy(factor: number, px = width.value / 2, py = height.value / 2): void {
    view.value = zoomAt(view.value, factor, px, py, [fitK / 4, fitK * 64]);
  }

  function panBy(dx: number, dy: number): void {
    view.value = { ...view.value, x: view.value.x + dx, y: view.value.y + dy };
  }

  /** Local coordinates of a pointer event inside the viewport. */
  function localPoint(event: { clientX: number; clientY: number }): [number, number] {
    const rect = el.value?.getBoundingClientRect();
    return rect ? [event.clientX - rect.left, event.clientY - rect.top] : [0, 0];
  }

  onMounted(() => {
    observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect) return;
      const first = width.value === 0;
      width.value = rect.width;
      height.value = rect.height;
      if (first) fit();
    });
    if (el.value) observer.observe(el.value);
  });
  onBeforeUnmount(() => observer?.disconnect());

  return { width, height, view, fit, zoomBy, panBy, localPoint };
}
