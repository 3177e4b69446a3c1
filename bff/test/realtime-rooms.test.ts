import { io, Socket } from 'socket.io-client';
import type { CaseListItemVO, MpTaskItemVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown, submitCase, townDispatcher } from './support/case-fixtures';
import { OutboxService } from '../src/core/outbox';
import { CaseWorkflowService } from '../src/modules/case';
import { scopeRoomsOf, scopeRoomPath } from '../src/core/realtime/scope-rooms';

const backend = currentBackend();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface CaseChanged {
  case: CaseListItemVO;
  type: string;
}

describe(`realtime rooms for cases on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let outbox: OutboxService;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    outbox = await t.get(OutboxService);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t?.close();
  });

  /** Connects with an `Authorization` value of the fixtures and collects `event`. */
  async function listen<T>(auth: string, event: string): Promise<T[]> {
    const socket = io(t.url, {
      path: '/socket.io',
      auth: { token: auth.replace(/^Bearer /, '') },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const received: T[] = [];
    socket.on(event, (payload: T) => received.push(payload));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(new Error(`connect_error ${err.message}`)));
    });
    return received;
  }

  /** Delivers what is due now, then gives the pub/sub hop and the sockets time to arrive. */
  async function deliver(): Promise<void> {
    await outbox.deliverDue(new Date(Date.now() + 1000));
    await sleep(300);
  }

  it('lists the ancestor rooms of a scope path', () => {
    expect(scopeRoomsOf('/t/v/g/')).toEqual(['/', '/t/', '/t/v/', '/t/v/g/']);
    expect(scopeRoomsOf('/')).toEqual(['/']);
    expect(scopeRoomPath({ kind: 'staff', id: 's', roles: ['super_admin'], scopePath: null })).toBe('/');
    expect(scopeRoomPath({ kind: 'staff', id: 's', roles: ['village_admin'], scopePath: '/t/v/' })).toBe('/t/v/');
    // No case:read (auditor; every such role needs MFA, so only checked here), no scope, mini-program users: no room.
    expect(scopeRoomPath({ kind: 'staff', id: 's', roles: ['auditor'], scopePath: '/t/' })).toBeNull();
    expect(scopeRoomPath({ kind: 'staff', id: 's', roles: ['village_admin'], scopePath: null })).toBeNull();
    expect(scopeRoomPath({ kind: 'mp', id: 'm', roles: ['grid_worker'], scopePath: '/t/v/g/' })).toBeNull();
  });

  it('sends case:changed to staff whose scope holds the case, once each, and to no one else', async () => {
    const villageA = await listen<CaseChanged>(town.staff.villageA.auth, 'case:changed');
    const villageB = await listen<CaseChanged>(town.staff.villageB.auth, 'case:changed');
    const townAdmin = await listen<CaseChanged>(town.staff.town.auth, 'case:changed');
    const leaderA1 = await listen<CaseChanged>(town.staff.leaderA1.auth, 'case:changed');
    const resident = await listen<CaseChanged>(town.mp.residentA.auth, 'case:changed');

    const record = await submitCase(t, town, { at: town.points.A2 });
    await deliver();

    expect(villageA).toHaveLength(1);
    expect(villageA[0]).toMatchObject({
      type: 'created',
      case: { id: record.id, no: record.no, status: 'submitted', regionId: town.gridA2.id },
    });
    expect(townAdmin.map((m) => m.case.id)).toEqual([record.id]);
    expect(villageB).toEqual([]);
    // The grid leader of A1 does not see a case of grid A2.
    expect(leaderA1).toEqual([]);
    expect(resident).toEqual([]);

    // The next event of the same case arrives too, with its type.
    await (await t.get(CaseWorkflowService)).apply(record.id, 'accept', await townDispatcher(t, town));
    await deliver();
    expect(villageA.map((m) => [m.type, m.case.status])).toEqual([
      ['created', 'submitted'],
      ['accept', 'accepted'],
    ]);
    expect(villageB).toEqual([]);
  });

  it('sends task:assigned to the worker a case is dispatched to', async () => {
    const workerA1 = await listen<{ task: MpTaskItemVO }>(town.mp.workerA1.auth, 'task:assigned');
    const workerB1 = await listen<{ task: MpTaskItemVO }>(town.mp.workerB1.auth, 'task:assigned');
    const record = await submitCase(t, town);
    const workflow = await t.get(CaseWorkflowService);
    const dispatcher = await townDispatcher(t, town);
    await workflow.apply(record.id, 'accept', dispatcher);
    await workflow.apply(record.id, 'dispatch', dispatcher, { assignee: { kind: 'mp', id: town.mp.workerA1.id } });
    await deliver();
    expect(workerA1).toHaveLength(1);
    expect(workerA1[0].task).toMatchObject({ id: record.id, no: record.no, status: 'dispatched' });
    expect(workerB1).toEqual([]);
  });
});
