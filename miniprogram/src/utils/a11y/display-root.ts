import type { DisplayState } from './display-store';

/**
 * weapp: nothing outside the page is ours (WeChat draws the navigation and tab bars and sizes them
 * with its own font setting); each page's <Screen> carries the scale. display-root.h5.ts in h5.
 */
export function applyDisplayToRoot(_state: DisplayState): void {}
