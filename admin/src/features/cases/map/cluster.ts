/**
 * Screen-space grid clustering for the offline case map: points that fall into the same
 * `cellPx` square on screen form one cluster, drawn at the mean position of its members. Cheap
 * enough to redo on every pan/zoom frame for the ≤ 5000 points `/cases/map` returns.
 */
export interface ScreenPoint<T> {
  item: T;
  x: number;
  y: number;
}

export interface Cluster<T> {
  key: string;
  x: number;
  y: number;
  members: T[];
}

/** Groups points by grid cell; points outside the viewport (plus a margin) are dropped. */
export function clusterPoints<T>(
  points: readonly ScreenPoint<T>[],
  cellPx: number,
  viewport: { width: number; height: number; margin?: number },
): Cluster<T>[] {
  const margin = viewport.margin ?? cellPx;
  const cells = new Map<string, { sx: number; sy: number; members: T[] }>();
  for (const p of points) {
    if (p.x < -margin || p.y < -margin || p.x > viewport.width + margin || p.y > viewport.height + margin) continue;
    const key = `${Math.floor(p.x / cellPx)}:${Math.floor(p.y / cellPx)}`;
    const cell = cells.get(key);
    if (cell) {
      cell.sx += p.x;
      cell.sy += p.y;
      cell.members.push(p.item);
    } else {
      cells.set(key, { sx: p.x, sy: p.y, members: [p.item] });
    }
  }
  return [...cells].map(([key, c]) => ({ key, x: c.sx / c.members.length, y: c.sy / c.members.length, members: c.members }));
}

/** The most frequent value of `pick` among `items` (first seen wins a tie). */
export function dominant<T, K>(items: readonly T[], pick: (item: T) => K): K | undefined {
  const counts = new Map<K, number>();
  let best: K | undefined;
  let bestCount = 0;
  for (const item of items) {
    const k = pick(item);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestCount) {
      best = k;
      bestCount = n;
    }
  }
  return best;
}
