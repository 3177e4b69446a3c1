import type { LngLat } from '@zhili/shared';
import { metresPerDegree } from '@zhili/shared';
import { benchmarkResolve, GeoIndex, IndexedRegion } from '../src/modules/region/geo/geo-index';

/**
 * The point → grid index on its own (no app): resolution order, edges, holes, tolerance, scope
 * filter, and throughput on a town-sized set of boundaries.
 */

/** A closed axis-aligned rectangle ring with `perEdge` positions on each edge (real grids have many vertices). */
function rect(x0: number, y0: number, w: number, h: number, perEdge = 1): LngLat[] {
  const ring: LngLat[] = [];
  const edge = (ax: number, ay: number, bx: number, by: number) => {
    for (let i = 0; i < perEdge; i += 1) ring.push([ax + ((bx - ax) * i) / perEdge, ay + ((by - ay) * i) / perEdge]);
  };
  edge(x0, y0, x0 + w, y0);
  edge(x0 + w, y0, x0 + w, y0 + h);
  edge(x0 + w, y0 + h, x0, y0 + h);
  edge(x0, y0 + h, x0, y0);
  ring.push([x0, y0]);
  return ring;
}

const poly = (...rings: LngLat[][]) => ({ type: 'Polygon' as const, coordinates: rings });

const T = '/town/';
// Village A spans x 120.00–120.02; its two grids cover only x 120.00–120.01 (the east half has no grid).
const villageA: IndexedRegion = {
  id: 'A',
  name: '东村',
  level: 'village',
  path: `${T}A/`,
  geometry: poly(rect(120, 30, 0.02, 0.01)),
};
const gridA1: IndexedRegion = {
  id: 'A1',
  name: '东村一网格',
  level: 'grid',
  path: `${T}A/A1/`,
  geometry: poly(rect(120, 30, 0.005, 0.01)),
};
// A2 has a hole (a pond) in the middle.
const gridA2: IndexedRegion = {
  id: 'A2',
  name: '东村二网格',
  level: 'grid',
  path: `${T}A/A2/`,
  geometry: poly(rect(120.005, 30, 0.005, 0.01), rect(120.006, 30.004, 0.002, 0.002)),
};
// Village B is 0.001° (~96 m) east of village A, with one grid covering it entirely.
const villageB: IndexedRegion = {
  id: 'B',
  name: '西村',
  level: 'village',
  path: `${T}B/`,
  geometry: poly(rect(120.021, 30, 0.01, 0.01)),
};
const gridB1: IndexedRegion = {
  id: 'B1',
  name: '西村一网格',
  level: 'grid',
  path: `${T}B/B1/`,
  geometry: poly(rect(120.021, 30, 0.01, 0.01)),
};

const index = new GeoIndex([villageA, gridA1, gridA2, villageB, gridB1]);
const mx = metresPerDegree(30.005).x;

describe('GeoIndex.resolve', () => {
  it('answers the grid containing the point, exactly', () => {
    expect(index.resolve(120.002, 30.005)).toEqual({
      regionId: 'A1',
      name: '东村一网格',
      path: '/town/A/A1/',
      exact: true,
      distanceM: 0,
    });
    expect(index.resolve(120.025, 30.005).regionId).toBe('B1');
  });

  it('counts a shared edge or a vertex as inside (either neighbour, deterministically)', () => {
    const onSharedEdge = index.resolve(120.005, 30.003);
    expect(['A1', 'A2']).toContain(onSharedEdge.regionId);
    expect(onSharedEdge.exact).toBe(true);
    expect(index.resolve(120.005, 30.003)).toEqual(onSharedEdge);
    expect(index.resolve(120, 30)).toMatchObject({ regionId: 'A1', exact: true });
    expect(index.resolve(120.031, 30.01)).toMatchObject({ regionId: 'B1', exact: true });
  });

  it('does not place a point in a hole in that grid, but in the nearest grid of the village', () => {
    // Centre of the pond: 0.001° from the hole's edges, so A2 itself is the nearest grid at ~96 m.
    const inPond = index.resolve(120.007, 30.005, 200);
    expect(inPond.regionId).toBe('A2');
    expect(inPond.exact).toBe(false);
    expect(inPond.distanceM).toBeCloseTo(0.001 * mx, 0);
    // With a smaller tolerance the village itself (which has no hole) is the answer.
    expect(index.resolve(120.007, 30.005, 50)).toMatchObject({ regionId: 'A', exact: true });
    // On the pond's shore: the hole's edge belongs to the grid.
    expect(index.resolve(120.006, 30.005)).toMatchObject({ regionId: 'A2', exact: true });
  });

  it('takes the nearest grid within the tolerance, and nothing beyond it', () => {
    // 0.0005° (~48 m) north of grid A1, outside every boundary.
    const north = index.resolve(120.002, 30.0105, 200);
    expect(north).toMatchObject({ regionId: 'A1', exact: false });
    expect(north.distanceM).toBeGreaterThan(50);
    expect(north.distanceM).toBeLessThan(60);
    expect(index.resolve(120.002, 30.0105, 40)).toMatchObject({ regionId: null, exact: false });
    expect(index.resolve(120.002, 30.0105, 0).regionId).toBeNull();
    // Far away.
    expect(index.resolve(121, 31)).toEqual({ regionId: null, name: null, path: null, exact: false, distanceM: 0 });
  });

  it('prefers the nearest grid of the village that contains the point over a nearer grid of another village', () => {
    // In village A's gridless east part, 0.0015° (~144 m) from village B's grid and ~0.01° (~900 m) from A2.
    const p = index.resolve(120.0195, 30.005, 200);
    expect(p).toMatchObject({ regionId: 'A', exact: true });
    // Outside both villages, between them: the nearest grid wins.
    expect(index.resolve(120.0208, 30.005, 200)).toMatchObject({ regionId: 'B1', exact: false });
  });

  it('limits answers to a subtree (the caller’s scope)', () => {
    expect(index.resolve(120.025, 30.005, 200, '/town/A/').regionId).toBeNull();
    expect(index.resolve(120.0208, 30.005, 200, '/town/A/')).toMatchObject({ regionId: 'A', exact: false });
    expect(index.resolve(120.002, 30.005, 200, '/town/A/A1/').regionId).toBe('A1');
  });

  it('ignores non-finite coordinates', () => {
    expect(index.resolve(Number.NaN, 30).regionId).toBeNull();
  });
});

describe('GeoIndex throughput', () => {
  it('resolves far more than 50,000 points a second over a town of 12 villages × 10 grids', () => {
    const regions: IndexedRegion[] = [];
    // 12 villages in a 4 × 3 block, each tiled by 10 grids (5 × 2) of ~480 m × 555 m, 40 positions per ring.
    for (let v = 0; v < 12; v += 1) {
      const vx = 120 + (v % 4) * 0.025;
      const vy = 30 + Math.floor(v / 4) * 0.01;
      regions.push({
        id: `v${v}`,
        name: `村${v}`,
        level: 'village',
        path: `/t/v${v}/`,
        geometry: poly(rect(vx, vy, 0.025, 0.01, 10)),
      });
      for (let g = 0; g < 10; g += 1) {
        regions.push({
          id: `v${v}g${g}`,
          name: `村${v}网格${g}`,
          level: 'grid',
          path: `/t/v${v}/v${v}g${g}/`,
          geometry: poly(rect(vx + (g % 5) * 0.005, vy + Math.floor(g / 5) * 0.005, 0.005, 0.005, 10)),
        });
      }
    }
    const town = new GeoIndex(regions);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Mostly inside the town, some just outside it (tolerance search) and some far away.
    const points: LngLat[] = Array.from({ length: 100_000 }, () => [
      119.995 + random() * 0.11,
      29.995 + random() * 0.04,
    ]);
    benchmarkResolve(town, points.slice(0, 5000)); // warm-up (JIT)
    const result = benchmarkResolve(town, points);
    console.log(
      `geo index: ${Math.round(result.perSecond).toLocaleString('en')} resolutions/s, ${result.resolved} of ${result.resolutions} resolved`,
    );
    // Correctness on the same points: inside the town's rectangle = an exact grid; > 0.0025° (> 200 m) outside = nothing.
    for (const [lng, lat] of points.slice(0, 5000)) {
      const r = town.resolve(lng, lat);
      const inside = lng >= 120 && lng <= 120.1 && lat >= 30 && lat <= 30.03;
      const far = lng < 119.9975 || lng > 120.1025 || lat < 29.9975 || lat > 30.0325;
      if (inside) expect(r).toMatchObject({ exact: true, regionId: expect.stringMatching(/^v\d+g\d$/) });
      if (far) expect(r.regionId).toBeNull();
    }
    // The target is > 50k/s; asserted with headroom for a loaded shared CI machine.
    expect(result.perSecond).toBeGreaterThan(25_000);
  });
});
