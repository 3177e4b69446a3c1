import { useSyncExternalStore } from 'react';
import { display } from '../utils/a11y/display';
import type { DisplayState } from '../utils/a11y/display-store';

/** The size scale and 长辈模式, re-rendering when either changes. */
export function useDisplay(): DisplayState {
  return useSyncExternalStore(display.subscribe, display.get);
}
