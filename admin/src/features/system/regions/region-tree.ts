import { naturalCompare } from '@zhili/shared';
import type { Region, RegionLevel } from '@/api/regions';

export const regionLevelLabels: Record<RegionLevel, string> = {
  town: '镇',
  community: '社区',
  village: '村',
  grid: '网格',
};

/** Which levels may be created under a node (town → community | village → grid). */
export const childLevels: Record<RegionLevel, readonly RegionLevel[]> = {
  town: ['community', 'village'],
  community: ['grid'],
  village: ['grid'],
  grid: [],
};

export interface RegionNode extends Region {
  children: RegionNode[];
}

const levelOrder: Record<RegionLevel, number> = { town: 0, community: 1, village: 2, grid: 3 };

/**
 * Builds the tree from the flat list. Nodes whose parent is outside the list (the caller's own
 * scope root, or an orphan) become roots.
 */
export function buildRegionTree(regions: readonly Region[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>(regions.map((r) => [r.id, { ...r, children: [] }]));
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: RegionNode[]): void => {
    // Natural order: 第一网格, 第二网格, 第三网格 (by collation alone they came 第二, 第三, 第一).
    list.sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || naturalCompare(a.name, b.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

export function levelLabel(level: string): string {
  return (regionLevelLabels as Record<string, string | undefined>)[level] ?? level;
}
