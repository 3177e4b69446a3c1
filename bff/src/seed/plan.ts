import type { LngLat } from '@zhili/shared';
import type { SeedSize } from './model';

/**
 * The layout of the demo town 示范镇 (a fictional town of Yuhang district, 330110): its lattice, how
 * lattice cells group into villages/communities (index-space rectangles, one cell = one grid), and
 * how many households it holds. Block rows run south to north; blocks in a row west to east.
 */

export const TOWN_NAME = '示范镇';
/** 330110 (余杭区) + 118 (fictional town) + 000: the town's own 12-digit statistical code. */
export const TOWN_CODE = '330110118000';
export const TOWN_CODE_PREFIX = '330110118';
/** Near 余杭 / 良渚 north-west of Hangzhou, GCJ-02. */
export const TOWN_CENTER: LngLat = [120.0, 30.3];

export interface BlockRow {
  height: number;
  /** Block widths west → east; they sum to the lattice's columns. */
  widths: number[];
  /** Indexes (within the row) of the blocks that are communities (the built-up town centre). */
  communities: number[];
}

export interface SizePlan {
  cols: number;
  rows: number;
  widthDeg: number;
  heightDeg: number;
  blockRows: BlockRow[];
  /** Households of the whole town (spread over grids, communities denser). */
  households: number;
}

export const SIZE_PLANS: Record<SeedSize, SizePlan> = {
  // 12 regions × 3 grids, ~600 households.
  small: {
    cols: 6,
    rows: 6,
    widthDeg: 0.05,
    heightDeg: 0.04,
    blockRows: [
      { height: 1, widths: [3, 3], communities: [] },
      { height: 3, widths: [1, 1, 1, 1, 1, 1], communities: [2, 3] },
      { height: 1, widths: [3, 3], communities: [1] },
      { height: 1, widths: [3, 3], communities: [] },
    ],
    households: 600,
  },
  // 10 villages + 6 communities, 160 grids, 21,000 households (≈ 52,000 persons).
  full: {
    cols: 16,
    rows: 10,
    widthDeg: 0.075,
    heightDeg: 0.06,
    blockRows: [
      { height: 2, widths: [5, 5, 6], communities: [] },
      { height: 3, widths: [3, 4, 3, 3, 3], communities: [1, 2, 3] },
      { height: 3, widths: [4, 3, 3, 3, 3], communities: [1, 2, 3] },
      { height: 2, widths: [5, 6, 5], communities: [] },
    ],
    households: 21_000,
  },
};

/** The first village is 幸福村 (its first grid is where the demo grid worker 王五 works). */
export const VILLAGE_NAMES = [
  '幸福村',
  '青山村',
  '丰收村',
  '东林村',
  '西塘村',
  '南湖村',
  '石桥村',
  '柳溪村',
  '金竹村',
  '双溪村',
  '桃源村',
  '新华村',
];
export const COMMUNITY_NAMES = ['阳光社区', '文昌社区', '和平社区', '锦绣社区', '春晖社区', '滨河社区'];

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二 (grid names: 幸福村第一网格). */
export function chineseNumber(n: number): string {
  if (n <= 10) return DIGITS[n];
  if (n < 20) return `十${DIGITS[n - 10]}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}
