import { CLICK_SLOP_PX } from '@/components/map/svg/useSvgView';

/**
 * Press handling of the offline case map: a drag pans, a press without movement is a click on
 * whatever element (marker, cluster, background) was under the pointer.
 */
export function useMapPointer(panBy: (dx: number, dy: number) => void, onClick: (target: Element | null) => void) {
  let press: { x: number; y: number; moved: boolean; target: Element | null } | null = null;

  function onMove(event: PointerEvent): void {
    if (!press) return;
    const dx = event.clientX - press.x;
    const dy = event.clientY - press.y;
    if (!press.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
    press.moved = true;
    panBy(dx, dy);
    press.x = event.clientX;
    press.y = event.clientY;
  }

  function onUp(): void {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    if (press && !press.moved) onClick(press.target);
    press = null;
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    press = { x: event.clientX, y: event.clientY, moved: false, target: event.target as Element | null };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  }

  return { onPointerDown };
}
