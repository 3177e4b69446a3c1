import { randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import type { CasePriority, CaseSource, LngLat } from '@zhili/shared';
import { RegionService } from '../../src/modules/region';
import type { Region } from '../../src/modules/region';
import { MpUser } from '../../src/modules/mp-user/mp-user.entity';
import { CaseIntakeService, CaseRecord, CaseWorkflowService, systemActor } from '../../src/modules/case';
import type { CaseActor } from '../../src/modules/case';
import { dataSourceOf, staffWithToken, StaffFixture } from './staff-fixtures';
import { mpLogin, MpFixture } from './mp-fixtures';
import type { TestApp } from './test-app';

/**
 * A small town for case tests (GCJ-02 squares, so every point's grid is obvious):
 *
 *   幸福村 [120.100–120.120] × [30.200–30.220]: 一网格 west half (A1), 二网格 east half (A2)
 *   和谐村 [120.120–120.140] × [30.200–30.220]: 一网格 (B1)
 *
 * Staff (all logged in, no MFA): `town` (village_admin role bound to the town, plus case:manage and
 * person:pii:read: a town-level dispatcher), `villageA`/`villageB` admins, `leaderA1` (grid leader,
 * may dispatch), `staffWorkerA1` (staff grid worker: reads, no dispatch). Mini-program: grid workers
 * `workerA1` (王五) and `workerB1` (赵六), residents `residentA` (张三) and `residentB` (李四).
 */
export interface CaseTown {
  ds: DataSource;
  town: Region;
  villageA: Region;
  villageB: Region;
  gridA1: Region;
  gridA2: Region;
  gridB1: Region;
  staff: Record<'town' | 'villageA' | 'villageB' | 'leaderA1' | 'staffWorkerA1', StaffFixture & { auth: string }>;
  mp: Record<'workerA1' | 'workerB1' | 'residentA' | 'residentB', MpFixture & { nickname: string }>;
  /** A point inside each grid, and one outside the town. */
  points: { A1: LngLat; A2: LngLat; B1: LngLat; outside: LngLat };
}

const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

/** Makes a mini-program user a grid worker of `grid` and signs them in again (tokens carry roles). */
async function gridWorker(
  t: TestApp,
  ds: DataSource,
  identity: string,
  nickname: string,
  grid: Region,
): Promise<MpFixture & { nickname: string }> {
  const first = await mpLogin(t, identity, nickname);
  await ds
    .getRepository(MpUser)
    .update({ id: first.id }, { roles: ['resident', 'grid_worker'], regionId: grid.id, scopePath: grid.path });
  return { ...(await mpLogin(t, identity, nickname)), nickname };
}

export async function setupCaseTown(t: TestApp, tag = randomUUID().slice(0, 6)): Promise<CaseTown> {
  const ds = await dataSourceOf(t);
  const regions = await t.get(RegionService);
  const town = await regions.create({
    name: `青山镇${tag}`,
    level: 'town',
    parentId: null,
    boundary: square(120.1, 30.2, 120.14, 30.22),
  });
  const villageA = await regions.create({
    name: '幸福村',
    level: 'village',
    parentId: town.id,
    boundary: square(120.1, 30.2, 120.12, 30.22),
  });
  const villageB = await regions.create({
    name: '和谐村',
    level: 'village',
    parentId: town.id,
    boundary: square(120.12, 30.2, 120.14, 30.22),
  });
  const gridA1 = await regions.create({
    name: '幸福村一网格',
    level: 'grid',
    parentId: villageA.id,
    boundary: square(120.1, 30.2, 120.11, 30.22),
  });
  const gridA2 = await regions.create({
    name: '幸福村二网格',
    level: 'grid',
    parentId: villageA.id,
    boundary: square(120.11, 30.2, 120.12, 30.22),
  });
  const gridB1 = await regions.create({
    name: '和谐村一网格',
    level: 'grid',
    parentId: villageB.id,
    boundary: square(120.12, 30.2, 120.14, 30.22),
  });
  const staff = {
    town: await staffWithToken(t, {
      username: `town.${tag}`,
      roles: ['village_admin'],
      grants: ['case:manage', 'person:pii:read'],
      region: town,
    }),
    villageA: await staffWithToken(t, { username: `cunA.${tag}`, roles: ['village_admin'], region: villageA }),
    villageB: await staffWithToken(t, { username: `cunB.${tag}`, roles: ['village_admin'], region: villageB }),
    leaderA1: await staffWithToken(t, { username: `leaderA1.${tag}`, roles: ['grid_leader'], region: gridA1 }),
    staffWorkerA1: await staffWithToken(t, { username: `wgA1.${tag}`, roles: ['grid_worker'], region: gridA1 }),
  };
  const mp = {
    workerA1: await gridWorker(t, ds, `wg-a1-${tag}`, '王五', gridA1),
    workerB1: await gridWorker(t, ds, `wg-b1-${tag}`, '赵六', gridB1),
    residentA: { ...(await mpLogin(t, `res-a-${tag}`, '张三')), nickname: '张三' },
    residentB: { ...(await mpLogin(t, `res-b-${tag}`, '李四')), nickname: '李四' },
  };
  return {
    ds,
    town,
    villageA,
    villageB,
    gridA1,
    gridA2,
    gridB1,
    staff,
    mp,
    points: { A1: [120.105, 30.21], A2: [120.115, 30.21], B1: [120.13, 30.21], outside: [121.5, 31.2] },
  };
}

export interface SubmitOptions {
  reporter?: MpFixture & { nickname: string };
  at?: LngLat;
  categoryCode?: string;
  description?: string;
  priority?: CasePriority;
  source?: CaseSource;
  anonymous?: boolean;
  hold?: boolean;
  idempotencyKey?: string;
  now?: Date;
}

/** Files a case directly through the intake (no HTTP, no content check) as a resident. */
export async function submitCase(t: TestApp, town: CaseTown, options: SubmitOptions = {}): Promise<CaseRecord> {
  const reporter = options.reporter ?? town.mp.residentA;
  const [lng, lat] = options.at ?? town.points.A1;
  const { record } = await (
    await t.get(CaseIntakeService)
  ).submit(
    {
      source: options.source ?? 'mp',
      reporter: { kind: 'mp', id: reporter.id, name: reporter.nickname },
      idempotencyKey: options.idempotencyKey ?? randomUUID(),
      categoryCode: options.categoryCode ?? 'road',
      description: options.description ?? '路面有一个大坑，车辆经过很危险',
      location: { lng, lat },
      address: '幸福村村口',
      anonymous: options.anonymous ?? false,
      contactPhone: '13800138000',
      priority: options.priority,
      hold: options.hold,
    },
    options.now,
  );
  return record;
}

/** A staff actor for driving the workflow directly in tests (as the town dispatcher). */
export async function townDispatcher(t: TestApp, town: CaseTown): Promise<CaseActor> {
  const { StaffUser } = await import('../../src/modules/staff/staff-user.entity');
  const user = await town.ds.getRepository(StaffUser).findOneByOrFail({ id: town.staff.town.id });
  return {
    role: 'dispatcher',
    kind: 'staff',
    id: user.id,
    name: user.displayName,
    principal: { kind: 'staff', id: user.id, roles: user.roles, grants: user.grants ?? [], scopePath: town.town.path },
  };
}

/** Moves a case to `processing` with worker A1 as assignee (accept → dispatch → start). */
export async function caseInProgress(t: TestApp, town: CaseTown, options: SubmitOptions = {}): Promise<CaseRecord> {
  const record = await submitCase(t, town, options);
  const workflow = await t.get(CaseWorkflowService);
  const dispatcher = await townDispatcher(t, town);
  await workflow.apply(record.id, 'accept', dispatcher);
  await workflow.apply(record.id, 'dispatch', dispatcher, { assignee: { kind: 'mp', id: town.mp.workerA1.id } });
  return workflow.apply(record.id, 'start', {
    role: 'assignee',
    kind: 'mp',
    id: town.mp.workerA1.id,
    name: '王五',
    principal: { kind: 'mp', id: town.mp.workerA1.id, roles: ['resident', 'grid_worker'] },
  });
}

export { systemActor };
