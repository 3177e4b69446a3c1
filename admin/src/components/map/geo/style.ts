/**
 * Colours of region shapes, shared by the AMap and the offline renderer so both look alike.
 */
import type { RegionFeature, RegionLevelName } from '@zhili/shared';

/** What the fill colour encodes: the level, or a count of the region's subtree. */
export type ColorBy = 'level' | 'persons' | 'households';

export const levelColors: Record<RegionLevelName, string> = {
  town: '#e8edf5',
  community: '#f6c177',
  village: '#8fd19e',
  grid: '#7fb3f5',
};

/** Soft categorical colours, one per village/community, for their grids. */
const groupPalette = ['#9cc9f5', '#a8e0b8', '#f9d49b', '#d4c1f2', '#f5b8c4', '#9fded9', '#e6e29a', '#c5d6a0', '#f2c6a0', '#b8c7e8', '#e0b8e6', '#a6d8f0'];

/** Draw order: parents first so children lie on top (and get the clicks). */
export const levelDepth: Record<RegionLevelName, number> = { town: 0, community: 1, village: 1, grid: 2 };

/** Outline width in pixels: coarser levels have bolder borders, so villages stand out over grids. */
export const levelStroke: Record<RegionLevelName, number> = { town: 2.5, community: 2, village: 2, grid: 1 };

const LOW: [number, number, number] = [234, 243, 255];
const HIGH: [number, number, number] = [21, 94, 194];

/** Sequential blue for a value in [0, max]. */
export function valueColor(value: number, max: number): string {
  const t = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0;
  const c = LOW.map((low, i) => Math.round(low + ((HIGH[i] as number) - low) * Math.sqrt(t)));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Fill colour of every feature for the chosen encoding (values compared within one level). */
export function featureFills(features: readonly RegionFeature[], colorBy: ColorBy): Map<string, string> {
  const fills = new Map<string, string>();
  if (colorBy === 'level') {
    // Grids take their village's hue, so villages read as patches even where grids cover them.
    const parents = [...new Set(features.filter((f) => f.properties.level === 'grid').map((f) => f.properties.parentId ?? ''))];
    for (const f of features) {
      const i = f.properties.level === 'grid' ? parents.indexOf(f.properties.parentId ?? '') : -1;
      fills.set(f.id, i >= 0 ? (groupPalette[i % groupPalette.length] as string) : levelColors[f.properties.level]);
    }
    return fills;
  }
  const max = new Map<RegionLevelName, number>();
  for (const f of features) {
    const v = f.properties.counts[colorBy];
    max.set(f.properties.level, Math.max(max.get(f.properties.level) ?? 0, v));
  }
  for (const f of features) {
    fills.set(f.id, valueColor(f.properties.counts[colorBy], max.get(f.properties.level) ?? 0));
  }
  return fills;
}

export const colorByLabels: Record<ColorBy, string> = { level: '按层级', persons: '按人口', households: '按户数' };
