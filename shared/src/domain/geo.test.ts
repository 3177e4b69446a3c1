import type { BoundaryGeometry, LngLat, PolygonGeometry } from '../api/registry';
import {
  bboxOf,
  distanceToGeometryM,
  gcj02ToWgs84,
  GEO_LIMITS,
  labelPoint,
  metresPerDegree,
  pointInGeometry,
  validateGeometry,
  wgs84ToGcj02,
} from './geo';

/** An axis-aligned square ring, counter-clockwise, closed. */
const square = (x0: number, y0: number, size: number): LngLat[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

// A 0.01° grid near Hangzhou (~1 km across) with a 0.004° hole in the middle.
const withHole: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [square(120, 30, 0.01), square(120.003, 30.003, 0.004)],
};
const multi: BoundaryGeometry = {
  type: 'MultiPolygon',
  coordinates: [[square(120, 30, 0.01)], [square(120.02, 30, 0.01)]],
};
// A C shape opening to the east: its centroid lies in the notch.
const cShape: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [120, 30],
      [120.01, 30],
      [120.01, 30.002],
      [120.002, 30.002],
      [120.002, 30.008],
      [120.01, 30.008],
      [120.01, 30.01],
      [120, 30.01],
      [120, 30],
    ],
  ],
};

describe('pointInGeometry', () => {
  it('finds points strictly inside and outside a polygon', () => {
    expect(pointInGeometry([120.001, 30.001], withHole)).toBe(true);
    expect(pointInGeometry([120.011, 30.005], withHole)).toBe(false);
    expect(pointInGeometry([119.999, 30.005], withHole)).toBe(false);
  });

  it('counts points on edges and vertices as inside', () => {
    expect(pointInGeometry([120.005, 30], withHole)).toBe(true); // bottom edge
    expect(pointInGeometry([120.01, 30.0042], withHole)).toBe(true); // right (vertical) edge
    expect(pointInGeometry([120, 30], withHole)).toBe(true); // vertex
    expect(pointInGeometry([120.01, 30.01], withHole)).toBe(true); // opposite vertex
    const triangle: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [120, 30],
          [120.01, 30],
          [120, 30.01],
          [120, 30],
        ],
      ],
    };
    expect(pointInGeometry([120.005, 30.005], triangle)).toBe(true); // on the diagonal
    expect(pointInGeometry([120.0051, 30.0051], triangle)).toBe(false);
  });

  it('treats a point inside a hole as outside, and on the hole’s edge as inside', () => {
    expect(pointInGeometry([120.005, 30.005], withHole)).toBe(false);
    expect(pointInGeometry([120.003, 30.005], withHole)).toBe(true);
    expect(pointInGeometry([120.007, 30.007], withHole)).toBe(true); // hole vertex
  });

  it('handles multipolygons: inside either part, not in the gap between', () => {
    expect(pointInGeometry([120.005, 30.005], multi)).toBe(true);
    expect(pointInGeometry([120.025, 30.005], multi)).toBe(true);
    expect(pointInGeometry([120.015, 30.005], multi)).toBe(false);
  });

  it('is not fooled by a ray through a vertex', () => {
    const diamond: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [120.005, 30],
          [120.01, 30.005],
          [120.005, 30.01],
          [120, 30.005],
          [120.005, 30],
        ],
      ],
    };
    expect(pointInGeometry([119.99, 30.005], diamond)).toBe(false); // ray passes through two vertices
    expect(pointInGeometry([120.004, 30.005], diamond)).toBe(true);
  });
});

describe('bboxOf', () => {
  it('spans every part of a multipolygon', () => {
    expect(bboxOf(multi)).toEqual([120, 30, 120.03, 30.01]);
  });
});

describe('distanceToGeometryM', () => {
  it('is 0 inside and on the edge', () => {
    expect(distanceToGeometryM([120.001, 30.001], withHole)).toBe(0);
    expect(distanceToGeometryM([120.01, 30.005], withHole)).toBe(0);
  });

  it('measures metres to the nearest edge outside, including from inside a hole', () => {
    const k = metresPerDegree(30.005);
    // 0.001° east of the right edge.
    expect(distanceToGeometryM([120.011, 30.005], withHole)).toBeCloseTo(0.001 * k.x, 1);
    // Centre of the hole: 0.002° to each hole edge; a degree of longitude is the shorter one here.
    expect(distanceToGeometryM([120.005, 30.005], withHole)).toBeCloseTo(0.002 * k.x, 1);
    // Diagonal from a corner.
    const d = distanceToGeometryM([120.013, 30.014], withHole);
    const k2 = metresPerDegree(30.014);
    expect(d).toBeCloseTo(Math.hypot(0.003 * k2.x, 0.004 * k2.y), 1);
  });

  it('agrees with the known size of a degree (about 111 km of latitude)', () => {
    expect(distanceToGeometryM([120.005, 30.02], withHole)).toBeGreaterThan(1100);
    expect(distanceToGeometryM([120.005, 30.02], withHole)).toBeLessThan(1125);
  });
});

describe('labelPoint', () => {
  it('is the centroid of a convex polygon', () => {
    const [x, y] = labelPoint({ type: 'Polygon', coordinates: [square(120, 30, 0.01)] });
    expect(x).toBeCloseTo(120.005, 9);
    expect(y).toBeCloseTo(30.005, 9);
  });

  it('uses the largest part of a multipolygon', () => {
    const geometry: BoundaryGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(120, 30, 0.002)], [square(120.02, 30, 0.01)]],
    };
    const [x] = labelPoint(geometry);
    expect(x).toBeCloseTo(120.025, 9);
  });

  it('falls back to a point inside when the centroid is outside', () => {
    const p = labelPoint(cShape);
    expect(pointInGeometry(p, cShape)).toBe(true);
    const holed = labelPoint(withHole);
    expect(pointInGeometry(holed, withHole)).toBe(true);
  });
});

describe('validateGeometry', () => {
  const bad = (value: unknown): string => {
    const result = validateGeometry(value);
    if (result.ok) throw new Error('expected a rejection');
    return result.message;
  };

  it('accepts polygons and multipolygons and returns a clean 2D copy', () => {
    const input = {
      type: 'Polygon',
      coordinates: [square(120, 30, 0.01).map(([x, y]) => [x, y, 12])],
      bbox: [1, 2, 3, 4],
      extra: true,
    };
    const result = validateGeometry(input);
    expect(result).toEqual({ ok: true, geometry: { type: 'Polygon', coordinates: [square(120, 30, 0.01)] } });
    expect(validateGeometry(multi)).toEqual({ ok: true, geometry: multi });
  });

  it('rejects other types and malformed structures', () => {
    expect(bad(null)).toContain('GeoJSON');
    expect(bad({ type: 'Point', coordinates: [120, 30] })).toContain('Polygon 或 MultiPolygon');
    expect(bad({ type: 'Polygon', coordinates: [] })).toContain('至少包含一个环');
    expect(
      bad({
        type: 'Polygon',
        coordinates: [
          [
            [120, 30],
            [120.1, 30],
            [120, 30],
          ],
        ],
      }),
    ).toContain('至少需要 4 个坐标点');
    expect(
      bad({
        type: 'Polygon',
        coordinates: [
          [
            [120, 30],
            [120.1, 30],
            ['x', 30.1],
            [120, 30],
          ],
        ],
      }),
    ).toContain('有限数字');
    expect(bad({ type: 'MultiPolygon', coordinates: [] })).toContain('至少包含一个多边形');
  });

  it('rejects open rings and zero-area rings', () => {
    expect(
      bad({
        type: 'Polygon',
        coordinates: [
          [
            [120, 30],
            [120.1, 30],
            [120.1, 30.1],
            [120, 30.1],
          ],
        ],
      }),
    ).toContain('未闭合');
    expect(
      bad({
        type: 'Polygon',
        coordinates: [
          [
            [120, 30],
            [120.1, 30],
            [120.2, 30],
            [120, 30],
          ],
        ],
      }),
    ).toContain('面积为零');
  });

  it('rejects coordinates outside China, such as swapped axes', () => {
    const swapped = square(120, 30, 0.01).map(([x, y]) => [y, x]);
    expect(bad({ type: 'Polygon', coordinates: [swapped] })).toContain('不在中国境内');
    expect(bad({ type: 'Polygon', coordinates: [square(136.5, 30, 0.1)] })).toContain('不在中国境内');
  });

  it('names the hole and the part where the problem is', () => {
    const holeOpen = square(120.003, 30.003, 0.004).slice(0, 4);
    expect(bad({ type: 'Polygon', coordinates: [square(120, 30, 0.01), holeOpen] })).toContain('第 1 个内环');
    expect(bad({ type: 'MultiPolygon', coordinates: [[square(120, 30, 0.01)], [holeOpen]] })).toContain(
      '第 2 个多边形',
    );
  });

  it('limits the total number of positions', () => {
    const n = GEO_LIMITS.maxPositions;
    const circle = (count: number): LngLat[] => {
      const ring: LngLat[] = Array.from({ length: count - 1 }, (_, i) => [
        120 + 0.01 * Math.cos((2 * Math.PI * i) / (count - 1)),
        30 + 0.01 * Math.sin((2 * Math.PI * i) / (count - 1)),
      ]);
      return [...ring, ring[0]];
    };
    expect(validateGeometry({ type: 'Polygon', coordinates: [circle(n)] }).ok).toBe(true);
    expect(bad({ type: 'Polygon', coordinates: [circle(n + 1)] })).toContain(`${n}`);
  });
});

describe('WGS84 ↔ GCJ-02', () => {
  it('matches the reference implementation (wandergis/coordtransform) in Beijing', () => {
    const [lng, lat] = wgs84ToGcj02([116.404, 39.915]);
    expect(lng).toBeCloseTo(116.41024449916938, 9);
    expect(lat).toBeCloseTo(39.91640428150164, 9);
  });

  it('shifts by a few hundred metres in China and round-trips to under a millimetre', () => {
    for (const p of [
      [120.15, 30.28],
      [104.06, 30.67],
      [87.6, 43.8],
      [113.26, 23.13],
    ] as LngLat[]) {
      const g = wgs84ToGcj02(p);
      const k = metresPerDegree(p[1]);
      const shift = Math.hypot((g[0] - p[0]) * k.x, (g[1] - p[1]) * k.y);
      expect(shift).toBeGreaterThan(50);
      expect(shift).toBeLessThan(1000);
      const back = gcj02ToWgs84(g);
      expect(Math.hypot((back[0] - p[0]) * k.x, (back[1] - p[1]) * k.y)).toBeLessThan(0.001);
    }
  });

  it('leaves coordinates outside China unchanged', () => {
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84([-74, 40.7])).toEqual([-74, 40.7]);
  });
});
