import type { LngLat } from '@zhili/shared';
import { buildLattice, Cell, outline, polygonOf, ringBBox, ringCentroid, type BBox } from './geometry';
import type { SeedRegion, SeedSize } from './model';
import {
  chineseNumber,
  COMMUNITY_NAMES,
  SIZE_PLANS,
  TOWN_CENTER,
  TOWN_CODE,
  TOWN_CODE_PREFIX,
  TOWN_NAME,
  VILLAGE_NAMES,
} from './plan';
import type { Rng } from './prng';

/** A grid with what the rest of the generator needs: its ring for random points, its parent. */
export interface GridInfo {
  region: SeedRegion;
  parent: SeedRegion;
  ring: LngLat[];
  bbox: BBox;
  /** 1-based index within its village/community. */
  index: number;
}

export interface RegionLayout {
  regions: SeedRegion[];
  town: SeedRegion;
  /** Villages and communities in code order: communities 001…, villages 201… */
  parents: SeedRegion[];
  grids: GridInfo[];
}

const pad3 = (n: number) => String(n).padStart(3, '0');

/** Town → villages/communities → grids, with tiling boundaries from one jittered lattice. */
export function generateRegions(rng: Rng, size: SeedSize): RegionLayout {
  const plan = SIZE_PLANS[size];
  const lattice = buildLattice(rng, {
    cols: plan.cols,
    rows: plan.rows,
    center: TOWN_CENTER,
    widthDeg: plan.widthDeg,
    heightDeg: plan.heightDeg,
  });
  const allCells: Cell[] = [];
  for (let i = 0; i < plan.cols; i += 1) for (let j = 0; j < plan.rows; j += 1) allCells.push({ i, j });
  const townRing = outline(lattice, allCells);
  const town: SeedRegion = {
    id: rng.uuid(),
    code: TOWN_CODE,
    name: TOWN_NAME,
    level: 'town',
    parentId: null,
    boundary: polygonOf(townRing),
    center: ringCentroid(townRing),
  };

  const parents: SeedRegion[] = [];
  const grids: GridInfo[] = [];
  let villageNo = 0;
  let communityNo = 0;
  let j0 = 0;
  for (const row of plan.blockRows) {
    let i0 = 0;
    row.widths.forEach((width, b) => {
      const community = row.communities.includes(b);
      const cells: Cell[] = [];
      for (let j = j0 + row.height - 1; j >= j0; j -= 1) for (let i = i0; i < i0 + width; i += 1) cells.push({ i, j });
      const ring = outline(lattice, cells);
      const seq = community ? ++communityNo : ++villageNo;
      const parent: SeedRegion = {
        id: rng.uuid(),
        code: `${TOWN_CODE_PREFIX}${pad3(community ? seq : 200 + seq)}`,
        name: community ? COMMUNITY_NAMES[seq - 1] : VILLAGE_NAMES[seq - 1],
        level: community ? 'community' : 'village',
        parentId: town.id,
        boundary: polygonOf(ring),
        center: ringCentroid(ring),
      };
      parents.push(parent);
      // Grids numbered north-west first, row by row, like a paper grid map.
      cells.forEach((cell, k) => {
        const gridRing = outline(lattice, [cell]);
        const region: SeedRegion = {
          id: rng.uuid(),
          code: null,
          name: `${parent.name}第${chineseNumber(k + 1)}网格`,
          level: 'grid',
          parentId: parent.id,
          boundary: polygonOf(gridRing),
          center: ringCentroid(gridRing),
        };
        grids.push({ region, parent, ring: gridRing, bbox: ringBBox(gridRing), index: k + 1 });
      });
      i0 += width;
    });
    if (i0 !== plan.cols) throw new Error(`block row widths sum to ${i0}, lattice has ${plan.cols} columns`);
    j0 += row.height;
  }
  if (j0 !== plan.rows) throw new Error(`block rows sum to ${j0}, lattice has ${plan.rows} rows`);
  const ordered = [...parents].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  // Parents first, each followed by nothing else: regions are listed level by level (town, villages, grids).
  const orderedGrids = ordered.flatMap((p) => grids.filter((g) => g.parent.id === p.id));
  return {
    regions: [town, ...ordered, ...orderedGrids.map((g) => g.region)],
    town,
    parents: ordered,
    grids: orderedGrids,
  };
}
