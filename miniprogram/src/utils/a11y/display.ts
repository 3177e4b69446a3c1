import { taroStore } from '../../services/key-value-store';
import { applyDisplayToRoot } from './display-root';
import { createDisplayStore } from './display-store';
import { readSystemFont } from './system-font';

/** The app's display state (size scale, 长辈模式); pages read it through hooks/useDisplay. */
export const display = createDisplayStore(taroStore, readSystemFont);

applyDisplayToRoot(display.get());
display.subscribe(() => applyDisplayToRoot(display.get()));
