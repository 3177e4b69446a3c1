/**
 * Projected shapes for the offline renderer: SVG path data in world metres (scaled by one group
 * transform, so pan/zoom does not rebuild paths), world bounding boxes and label points.
 */
import type { BoundaryGeometry, LngLat, RegionFeature } from '@zhili/shared';
import { labelPoint, openRing, partsOf } from './geometry';
import { emptyBox, extendBox, type Box, type Projection } from './projection';
import { levelDepth } from './style';

export interface WorldShape {
  feature: RegionFeature;
  d: string;
  box: Box;
  label: [number, number] | null;
  depth: number;
}

function fmt(n: number): string {
  return n.toFixed(2);
}

/** SVG path of a geometry in world coordinates (`fill-rule: evenodd` makes holes work). */
export function worldPath(geometry: BoundaryGeometry, projection: Projection, box?: Box): string {
  const out: string[] = [];
  for (const rings of partsOf(geometry)) {
    for (const ring of rings) {
      const open = openRing(ring);
      open.forEach((p, i) => {
        const [x, y] = projection.toWorld(p);
        if (box) extendBox(box, x, y);
        out.push(`${i === 0 ? 'M' : 'L'}${fmt(x)} ${fmt(y)}`);
      });
      if (open.length > 0) out.push('Z');
    }
  }
  return out.join('');
}

/** Centre of the lng/lat bounding box of all features (the projection origin). */
export function dataCentre(features: readonly RegionFeature[]): LngLat {
  const box = emptyBox();
  for (const f of features) for (const rings of partsOf(f.geometry)) for (const p of rings[0] ?? []) extendBox(box, p[0], p[1]);
  if (!(box[0] <= box[2])) return [0, 0];
  return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

/** Shapes sorted parents-first (draw order), with boxes and label points. */
export function buildShapes(features: readonly RegionFeature[], projection: Projection): WorldShape[] {
  return features
    .map((feature) => {
      const box = emptyBox();
      const d = worldPath(feature.geometry, projection, box);
      const at = feature.properties.center ?? labelPoint(feature.geometry);
      return { feature, d, box, label: at ? projection.toWorld(at) : null, depth: levelDepth[feature.properties.level] };
    })
    .sort((a, b) => a.depth - b.depth);
}

/** The box around every shape. */
export function unionBox(shapes: readonly WorldShape[]): Box {
  const box = emptyBox();
  for (const s of shapes) {
    extendBox(box, s.box[0], s.box[1]);
    extendBox(box, s.box[2], s.box[3]);
  }
  return box;
}
