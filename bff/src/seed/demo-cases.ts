import type { DataSource } from 'typeorm';
import {
  CaseAction,
  CaseActorRole,
  caseDeadlines,
  CasePriority,
  CaseSource,
  CaseStatus,
  checkCaseTransition,
  LngLat,
  PolygonGeometry,
  Role,
  shanghaiDate,
  WorkCalendar,
} from '@zhili/shared';
import type { PiiCipher } from '../core/crypto/pii-cipher';
import { CaseCategory, CaseEvent, CaseRecord, Holiday } from '../modules/case/entities';
import { Region } from '../modules/region/region.entity';
import { StaffUser } from '../modules/staff/staff-user.entity';
import {
  demoAddresses,
  demoCaseReports,
  demoEscalateReasons,
  demoRejectReasons,
  demoResolutions,
  demoReturnReasons,
} from './demo-case-texts';
import { randomPointIn } from './geometry';
import { randomMobile } from './identity';
import { randomName } from './names';
import { Rng } from './prng';

/**
 * Sample cases of the demo town, so the console, map and statistics have something to show at the
 * first start. Every case walks a path through the shared transition table (checked step by step,
 * as the workflow would) and gets the timeline to match; deadlines come from the category SLA over
 * the holiday calendar. Reporters are hotline callers, patrolling grid workers and staff entering
 * calls: no mini-program user gets cases they did not file. Open cases are recent, closed ones older.
 */

const DEMO_CASES_SEED = 20_261_122;
const MINUTE = 60_000;
const DAY = 86_400_000;

type Actor = { role: CaseActorRole; kind: 'staff' | 'system'; id: string | null; name: string };
type Step = { action: CaseAction; actor: 'dispatcher' | 'assignee' };

/** The end states the demo shows, how often, and the path that leads there. */
const STORIES: readonly (readonly [{ steps: Step[]; open: boolean }, number])[] = [
  [{ steps: [], open: true }, 8],
  [{ steps: [d('accept')], open: true }, 6],
  [{ steps: [d('accept'), d('dispatch')], open: true }, 8],
  [{ steps: [d('accept'), d('dispatch'), a('start')], open: true }, 8],
  [{ steps: [d('accept'), d('dispatch'), a('return')], open: true }, 2],
  [{ steps: [d('accept'), d('dispatch'), a('start'), d('escalate')], open: true }, 2],
  [{ steps: [d('accept'), d('dispatch'), a('start'), a('resolve')], open: true }, 6],
  [{ steps: [d('accept'), d('dispatch'), a('start'), a('resolve'), d('close')], open: false }, 50],
  [{ steps: [d('reject')], open: false }, 6],
];

function d(action: CaseAction): Step {
  return { action, actor: 'dispatcher' };
}
function a(action: CaseAction): Step {
  return { action, actor: 'assignee' };
}

interface Grid {
  region: Region;
  ring: LngLat[];
  worker: StaffUser | null;
}

export interface DemoCasesOptions {
  cipher: PiiCipher;
  count: number;
  now?: Date;
}

/** Writes `count` sample cases unless any case exists. Answers how many were written. */
export async function ensureDemoCases(dataSource: DataSource, options: DemoCasesOptions): Promise<number> {
  if ((await dataSource.getRepository(CaseRecord).count()) > 0) return 0;
  const now = options.now ?? new Date();
  const rng = new Rng(DEMO_CASES_SEED);
  const categories = await dataSource
    .getRepository(CaseCategory)
    .find({ where: { active: true }, order: { sortOrder: 'ASC' } });
  const calendar: WorkCalendar = {
    days: Object.fromEntries((await dataSource.getRepository(Holiday).find()).map((h) => [h.date, h.kind])),
  };
  const staff = await dataSource.getRepository(StaffUser).find();
  const dispatcher =
    staff.find((s) => s.username === 'zhen.admin') ?? staff.find((s) => s.roles.includes(Role.TownAdmin));
  const grids = (await dataSource.getRepository(Region).find({ where: { level: 'grid' } }))
    .filter((r) => r.boundary)
    .map((region): Grid => ({
      region,
      ring: (JSON.parse(region.boundary as string) as PolygonGeometry).coordinates[0] as LngLat[],
      worker: staff.find((s) => s.regionId === region.id && s.roles.includes(Role.GridWorker)) ?? null,
    }));
  if (!categories.length || !grids.length || !dispatcher) return 0;

  const usedPhones = new Set<string>();
  const perDay = new Map<string, number>();
  const records: Partial<CaseRecord>[] = [];
  const events: Partial<CaseEvent>[] = [];
  for (let k = 0; k < options.count; k += 1) {
    const story = rng.weighted(STORIES);
    const grid = rng.pick(grids);
    const category = rng.pick(categories);
    const priority = rng.weighted<CasePriority>([
      ['normal', 70],
      ['high', 15],
      ['low', 10],
      ['urgent', 5],
    ]);
    const source = rng.weighted<CaseSource>([
      ['hotline', 40],
      ['patrol', 35],
      ['admin', 25],
    ]);
    // Open cases are from the last three days, closed ones from the last month.
    const createdAt = new Date(now.getTime() - (story.open ? rng.range(0.05, 3) : rng.range(3, 30)) * DAY);
    const reporter = reporterOf(source, grid, dispatcher, rng, usedPhones);
    const deadlines = caseDeadlines(createdAt, category.slaHours, category.acceptHours, priority, calendar);
    const day = shanghaiDate(createdAt).replace(/-/g, '');
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const id = rng.uuid();
    const record: Partial<CaseRecord> = {
      id,
      no: `${day}${String(seq).padStart(4, '0')}`,
      regionId: grid.region.id,
      scopePath: grid.region.path,
      categoryCode: category.code,
      priority,
      source,
      status: 'submitted',
      outcome: null,
      description: rng.pick(demoCaseReports[category.code] ?? demoCaseReports.other),
      address: `${grid.region.name}${rng.pick(demoAddresses)}`,
      ...lngLat(randomPointIn(rng, grid.ring)),
      reporterKind: reporter.kind,
      reporterId: reporter.id,
      reporterName: reporter.name,
      contactPhone: options.cipher.seal(reporter.phone),
      anonymous: false,
      idempotencyKey: `demo-${id}`,
      photoIds: [],
      department: category.department,
      ...deadlines,
      subscribedTemplates: [],
      createdAt,
    };
    const timeline: Partial<CaseEvent>[] = [
      event(
        rng,
        id,
        1,
        'created',
        null,
        'submitted',
        { role: 'reporter', kind: 'staff', id: reporter.id, name: reporter.name ?? '来电群众' },
        createdAt,
      ),
    ];
    let at = createdAt;
    for (const step of story.steps) {
      // Later steps are spaced out but never in the future.
      at = new Date(Math.min(at.getTime() + rng.range(20, story.open ? 240 : 1800) * MINUTE, now.getTime() - MINUTE));
      const actor: Actor =
        step.actor === 'assignee' && grid.worker
          ? { role: 'assignee', kind: 'staff', id: grid.worker.id, name: grid.worker.displayName }
          : { role: 'dispatcher', kind: 'staff', id: dispatcher.id, name: dispatcher.displayName };
      const check = checkCaseTransition(record.status as CaseStatus, step.action, actor.role);
      if (!check.ok)
        throw new Error(
          `demo case story breaks the transition table: ${record.status} --${step.action}--> (${check.code})`,
        );
      const { patch, data, note } = effectOf(step.action, grid, dispatcher, at, rng);
      timeline.push(
        event(rng, id, timeline.length + 1, step.action, record.status as CaseStatus, check.to, actor, at, note, data),
      );
      Object.assign(record, patch, { status: check.to });
    }
    record.eventCount = timeline.length;
    record.version = timeline.length;
    record.updatedAt = at;
    records.push(record);
    events.push(...timeline);
  }
  await dataSource.transaction(async (m) => {
    for (let k = 0; k < records.length; k += 200) await m.getRepository(CaseRecord).insert(records.slice(k, k + 200));
    for (let k = 0; k < events.length; k += 400) await m.getRepository(CaseEvent).insert(events.slice(k, k + 400));
  });
  return records.length;
}

function lngLat([lng, lat]: LngLat): { lng: number; lat: number } {
  return { lng, lat };
}

function reporterOf(source: CaseSource, grid: Grid, dispatcher: StaffUser, rng: Rng, usedPhones: Set<string>) {
  if (source === 'patrol' && grid.worker)
    return { kind: 'staff' as const, id: grid.worker.id, name: grid.worker.displayName, phone: null };
  const caller = randomName(rng, rng.chance(0.5) ? 'male' : 'female', rng.int(1950, 2000));
  const phone = randomMobile(rng, usedPhones);
  // Staff typing in a call keep the caller's name; the hotline connector is the reporter of its orders.
  if (source === 'admin') return { kind: 'staff' as const, id: dispatcher.id, name: caller, phone };
  return { kind: 'external' as const, id: 'hotline12345', name: caller, phone };
}

/** The record fields and event details one step sets (what the workflow's effects would write). */
function effectOf(
  action: CaseAction,
  grid: Grid,
  dispatcher: StaffUser,
  at: Date,
  rng: Rng,
): { patch: Partial<CaseRecord>; data: CaseEvent['data']; note: string | null } {
  switch (action) {
    case 'accept':
      return { patch: { acceptedAt: at }, data: {}, note: null };
    case 'dispatch': {
      const who = grid.worker ?? dispatcher;
      return {
        patch: { dispatchedAt: at, assigneeKind: 'staff', assigneeId: who.id, assigneeName: who.displayName },
        data: { assignee: who.displayName },
        note: null,
      };
    }
    case 'resolve': {
      const resolution = rng.pick(demoResolutions);
      return { patch: { resolvedAt: at, resolution }, data: { result: resolution }, note: null };
    }
    case 'close':
      return { patch: { closedAt: at, outcome: 'fixed' }, data: { outcome: 'fixed' }, note: null };
    case 'reject': {
      const reason = rng.pick(demoRejectReasons);
      return { patch: { rejectReason: reason, closedAt: at }, data: { reason }, note: null };
    }
    case 'return': {
      const reason = rng.pick(demoReturnReasons);
      return { patch: {}, data: { reason }, note: null };
    }
    case 'escalate': {
      const reason = rng.pick(demoEscalateReasons);
      return { patch: { escalationLevel: 'town' }, data: { level: 'town', reason }, note: null };
    }
    default:
      return { patch: {}, data: {}, note: null };
  }
}

function event(
  rng: Rng,
  caseId: string,
  seq: number,
  type: CaseEvent['type'],
  fromStatus: CaseStatus | null,
  toStatus: CaseStatus,
  actor: Actor,
  at: Date,
  note: string | null = null,
  data: CaseEvent['data'] = {},
): Partial<CaseEvent> {
  return {
    id: rng.uuid(),
    caseId,
    seq,
    type,
    fromStatus,
    toStatus,
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    note,
    photoIds: [],
    data,
    createdAt: at,
  };
}
