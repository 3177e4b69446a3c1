import type { DisplayState } from './display-store';

/**
 * h5: Taro's navigation bar and tab bar live outside the pages, so the scale also goes on <html>
 * (app.css sizes them from it), and `zl-elder` lets the CSS enlarge their targets in 长辈模式.
 */
export function applyDisplayToRoot(state: DisplayState): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.style.setProperty('--zl-scale', String(state.scale));
  root.classList.toggle('zl-elder', state.elder);
}
