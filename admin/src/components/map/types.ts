import type { BoundaryGeometry, RegionFeature } from '@zhili/shared';
import type { ColorBy } from './geo/style';

/**
 * Props shared by the AMap renderer and the offline SVG renderer (and `GeoMap`, which picks one).
 * Editing is controlled: while `editingId` is set the map shows `draft` for that region and emits
 * `update:draft` with every vertex change; the page decides when to save or discard.
 */
export interface GeoMapProps {
  features: RegionFeature[];
  selectedId?: string | null;
  colorBy?: ColorBy;
  editingId?: string | null;
  draft?: BoundaryGeometry | null;
}

export type { ColorBy };
