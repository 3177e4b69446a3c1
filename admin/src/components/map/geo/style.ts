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
const groupPalette = [
  '#9cc9f5',
  '#a8e0b8',
  '#f9d49b',
  '#d4c1f2',
  '#f5b8c4',
  '#9fded9',
  '#e6e29a',
  '#c5d6a0',
  '#f2c6a0',
  '#b8c7e8',
  '#e0b8e6',
  '#a6d8f0',
];

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

/** One class of a count colouring: values in [from, to] (to inclusive), its colour, how many regions. */
export interface ValueClass {
  from: number;
  to: number;
  color: string;
  count: number;
}

const CLASS_COUNT = 5;

/** The smallest of 1, 2, 5 × 10^n at or above `raw`: class widths people read at a glance. */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
}

/**
 * Up to five equal, round-numbered classes over 0…max of `values` (0–49, 50–99, …), each with its
 * colour and the number of values in it. Classes, not a continuous ramp, so a legend can say what a
 * colour means; only classes up to the largest value are kept.
 */
export function valueClasses(values: readonly number[]): ValueClass[] {
  const max = Math.max(0, ...values);
  const step = max > 0 ? niceStep((max + 1) / CLASS_COUNT) : 1;
  const classes: ValueClass[] = [];
  for (let i = 0; i < CLASS_COUNT && i * step <= max; i += 1) {
    classes.push({ from: i * step, to: (i + 1) * step - 1, color: valueColor(i + 1, CLASS_COUNT), count: 0 });
  }
  for (const v of values) (classes[Math.min(Math.floor(v / step), classes.length - 1)] as ValueClass).count += 1;
  return classes;
}

function classColor(value: number, classes: readonly ValueClass[]): string {
  return (classes.find((c) => value <= c.to) ?? classes[classes.length - 1])?.color ?? valueColor(0, 0);
}

const finestFirst: readonly RegionLevelName[] = ['grid', 'village', 'community', 'town'];

/**
 * The legend of a count colouring: the classes of the finest level on the map (the shapes people
 * see on top: grids, else villages …) with how many of its regions fall in each. Null for `level`.
 */
export function colorLegend(
  features: readonly RegionFeature[],
  colorBy: ColorBy,
): { level: RegionLevelName; classes: ValueClass[] } | null {
  if (colorBy === 'level') return null;
  const level = finestFirst.find((l) => features.some((f) => f.properties.level === l));
  if (!level) return null;
  return {
    level,
    classes: valueClasses(
      features.filter((f) => f.properties.level === level).map((f) => f.properties.counts[colorBy]),
    ),
  };
}

/** Fill colour of every feature for the chosen encoding (values classed within one level). */
export function featureFills(features: readonly RegionFeature[], colorBy: ColorBy): Map<string, string> {
  const fills = new Map<string, string>();
  if (colorBy === 'level') {
    // Grids take their village's hue, so villages read as patches even where grids cover them.
    const parents = [
      ...new Set(features.filter((f) => f.properties.level === 'grid').map((f) => f.properties.parentId ?? '')),
    ];
    for (const f of features) {
      const i = f.properties.level === 'grid' ? parents.indexOf(f.properties.parentId ?? '') : -1;
      fills.set(f.id, i >= 0 ? (groupPalette[i % groupPalette.length] as string) : levelColors[f.properties.level]);
    }
    return fills;
  }
  const classesByLevel = new Map<RegionLevelName, ValueClass[]>();
  for (const level of finestFirst) {
    const values = features.filter((f) => f.properties.level === level).map((f) => f.properties.counts[colorBy]);
    if (values.length) classesByLevel.set(level, valueClasses(values));
  }
  for (const f of features) {
    fills.set(f.id, classColor(f.properties.counts[colorBy], classesByLevel.get(f.properties.level) ?? []));
  }
  return fills;
}

export const colorByLabels: Record<ColorBy, string> = { level: '按层级', persons: '按人口', households: '按户数' };
