// What the case benchmark sends: residents signed in through the WeChat simulator, report bodies a
// resident would plausibly write, and locations that lie inside a grid of the demo town (a point
// outside every grid is refused with CASE_LOCATION_OUTSIDE and would measure the refusal instead).
import { randomUUID } from 'crypto';
import { bboxOf, pointInGeometry } from '@zhili/shared';
import type { BoundaryGeometry, LngLat, MpCaseSubmitBody } from '@zhili/shared';
import { loginMpUser } from './mp-login';

/**
 * `POST /api/mp/cases` allows 20 submissions per resident per hour (SUBMIT_LIMIT in
 * bff/src/modules/case/mp-resident/mp-case.controller.ts, hard-coded, no env override). A bench
 * that exceeded it would measure 429s, so the load is spread over enough residents instead.
 */
export const MP_SUBMIT_LIMIT_PER_HOUR = 20;

/** Residents needed so that `submissions` round-robin requests stay within everyone's budget. */
export function residentsNeeded(submissions: number, minimum: number): number {
  return Math.max(minimum, Math.ceil(submissions / MP_SUBMIT_LIMIT_PER_HOUR));
}

export interface Resident {
  identity: string;
  authorization: string;
}

/** Signs `count` simulator identities in (created as residents on first login), `parallel` at a time. */
export async function loginResidents(
  simUrl: string,
  bffUrl: string,
  appid: string,
  count: number,
  parallel = 5,
): Promise<Resident[]> {
  const residents: Resident[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        const identity = `bench-resident-${String(i + 1).padStart(3, '0')}`;
        residents[i] = { identity, authorization: `Bearer ${await loginMpUser(simUrl, bffUrl, appid, identity)}` };
      }
    }),
  );
  return residents;
}

/** Hands residents out in turn across every phase, so each one's hourly budget is used evenly. */
export function residentRotation(residents: readonly Resident[]): () => Resident {
  let turn = 0;
  return () => residents[turn++ % residents.length];
}

export interface GridArea {
  id: string;
  boundary: BoundaryGeometry | null;
}

/**
 * `perGrid` random points strictly inside each grid's boundary (rejection sampling in its box with
 * the same point-in-polygon test the BFF's GeoIndex uses). Grids whose shape defeats sampling are
 * skipped; none at all is an error, since every report would then be refused.
 */
export function pointsInGrids(grids: readonly GridArea[], perGrid: number, random = Math.random): LngLat[] {
  const points: LngLat[] = [];
  for (const grid of grids) {
    if (!grid.boundary) continue;
    const [minX, minY, maxX, maxY] = bboxOf(grid.boundary);
    let found = 0;
    for (let attempt = 0; attempt < perGrid * 50 && found < perGrid; attempt++) {
      const point: LngLat = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)];
      if (pointInGeometry(point, grid.boundary)) {
        points.push(point);
        found += 1;
      }
    }
  }
  if (points.length === 0) throw new Error('no point inside any grid boundary of the demo town');
  // Interleaved, so consecutive reports land in different grids as they would in a real town.
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j], points[i]];
  }
  return points;
}

const PROBLEMS = [
  '路面有一个大坑，雨天积水，电动车经过很危险',
  '路灯连续几天晚上不亮，老人晚上出门看不清路',
  '垃圾桶旁边堆了很多建筑垃圾，一直没人清运',
  '下水道井盖松动，车辆压过去声音很大',
  '河道边有人倾倒生活垃圾，气味很重',
  '小区门口电动车乱停，消防通道被堵住了',
  '楼道里堆放杂物，存在消防安全隐患',
  '广场舞音响声音太大，晚上十点后还在放',
  '绿化带里的树被大风刮倒，压住了人行道',
  '村口桥栏杆有一段断了，小孩经过不安全',
];
const PLACES = ['村口', '小区东门', '菜市场旁', '学校门口', '卫生院对面', '文化礼堂前', '公交站旁', '河埠头'];

/** A resident's report number `i`: varied text (the content check sees real sentences), a fresh idempotency key. */
export function caseBody(
  i: number,
  categoryCodes: readonly string[],
  at: LngLat,
): MpCaseSubmitBody & { contactPhone: string } {
  const place = PLACES[i % PLACES.length];
  return {
    idempotencyKey: randomUUID(),
    categoryCode: categoryCodes[i % categoryCodes.length],
    description: `${place}${PROBLEMS[i % PROBLEMS.length]}，请尽快处理（第${i + 1}条）`,
    photoIds: [],
    location: { lng: Number(at[0].toFixed(6)), lat: Number(at[1].toFixed(6)) },
    address: `示范镇${place}`,
    // Roughly one in ten reports is anonymous, as residents choose in the form.
    anonymous: i % 10 === 9,
    contactPhone: `139${String(10_000_000 + ((i * 7919) % 89_999_999)).padStart(8, '0')}`,
  };
}
