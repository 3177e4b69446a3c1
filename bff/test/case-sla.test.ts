import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, caseInProgress, setupCaseTown, submitCase } from './support/case-fixtures';
import { JobRunner } from '../src/core/jobs';
import { CaseEvent, CaseRecord, CaseWorkflowService } from '../src/modules/case';
import { AUTO_ESCALATE_REASON, SlaWatcher } from '../src/modules/case/sla';

const backend = currentBackend();
const DAY_MS = 86_400_000;
const plus = (date: Date | null, ms: number) => new Date(new Date(date as Date).getTime() + ms);

describe(`SLA watcher on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let watcher: SlaWatcher;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    watcher = await t.get(SlaWatcher);
  });
  afterAll(async () => {
    await t?.close();
  });

  const reload = (id: string) => town.ds.getRepository(CaseRecord).findOneByOrFail({ id });
  const events = (id: string) =>
    town.ds.getRepository(CaseEvent).find({ where: { caseId: id }, order: { seq: 'ASC' } });
  const types = async (id: string) => (await events(id)).map((e) => e.type);

  it('is registered as an exclusive background job', async () => {
    expect(await (await t.get(JobRunner)).runOnce('case.sla')).toBe(true);
  });

  it('warns once when an open case passes its warning time', async () => {
    const record = await caseInProgress(t, town);
    expect(record.warnAt && record.dueAt && +record.warnAt < +record.dueAt).toBe(true);
    await watcher.tick(plus(record.warnAt, -60_000));
    expect(await types(record.id)).not.toContain('sla_warning');

    const at = plus(record.warnAt, 1000);
    await watcher.tick(at);
    await watcher.tick(plus(at, 1000));
    const after = await reload(record.id);
    expect(after.warnedAt).not.toBeNull();
    expect(after.overdueAt).toBeNull();
    expect(after.status).toBe('processing');
    const warnings = (await events(record.id)).filter((e) => e.type === 'sla_warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ actorKind: 'system', actorName: 'SLA 监控' });
  });

  it('marks an overdue case once and escalates it to the town as system', async () => {
    const record = await caseInProgress(t, town);
    const at = plus(record.dueAt, 1000);
    const result = await watcher.tick(at);
    expect(result.overdue).toBeGreaterThanOrEqual(1);
    await watcher.tick(plus(at, 60_000));

    const after = await reload(record.id);
    expect(after).toMatchObject({ status: 'escalated', escalationLevel: 'town' });
    expect(after.overdueAt).not.toBeNull();
    // Past both marks at once: one `overdue`, no late warning.
    const list = await events(record.id);
    expect(list.map((e) => e.type).slice(-2)).toEqual(['overdue', 'escalate']);
    expect(list.filter((e) => e.type === 'overdue')).toHaveLength(1);
    expect(list.filter((e) => e.type === 'sla_warning')).toHaveLength(0);
    expect(list[list.length - 1]).toMatchObject({
      actorKind: 'system',
      fromStatus: 'processing',
      toStatus: 'escalated',
      data: { reason: AUTO_ESCALATE_REASON, level: 'town' },
    });
  });

  it('marks a case held for review overdue without escalating it (the state machine forbids it)', async () => {
    const record = await submitCase(t, town, { hold: true });
    expect(record.status).toBe('pending_review');
    await watcher.tick(plus(record.dueAt, 1000));
    const after = await reload(record.id);
    expect(after.status).toBe('pending_review');
    expect(after.overdueAt).not.toBeNull();
    expect(after.escalationLevel).toBeNull();
    expect(await types(record.id)).toEqual(['created', 'overdue']);
  });

  it('closes a resolved case as fixed after 7 days without a rating', async () => {
    const started = await caseInProgress(t, town);
    const workflow = await t.get(CaseWorkflowService);
    const resolved = await workflow.apply(
      started.id,
      'resolve',
      {
        role: 'assignee',
        kind: 'mp',
        id: town.mp.workerA1.id,
        name: '王五',
        principal: { kind: 'mp', id: town.mp.workerA1.id, roles: ['resident', 'grid_worker'] },
      },
      { result: '坑已填平' },
    );
    expect(resolved.status).toBe('resolved');
    await watcher.tick(plus(resolved.resolvedAt, 7 * DAY_MS - 60_000));
    expect((await reload(started.id)).status).toBe('resolved');

    await watcher.tick(plus(resolved.resolvedAt, 7 * DAY_MS + 1000));
    const after = await reload(started.id);
    expect(after).toMatchObject({ status: 'closed', outcome: 'fixed' });
    const last = (await events(started.id)).pop();
    expect(last).toMatchObject({ type: 'close', actorKind: 'system', toStatus: 'closed' });
  });
});
