import { currentBackend } from './support/backends';
import { startTestApp, TEST_APPID, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown, submitCase, townDispatcher } from './support/case-fixtures';
import { OutboxMessage, OutboxService } from '../src/core/outbox';
import { MpUser } from '../src/modules/mp-user';
import { CaseRecord, CaseWorkflowService } from '../src/modules/case';
import type { CaseActor } from '../src/modules/case';
import { wxCharacterString, wxPhrase, wxThing, wxTime } from '../src/modules/case/notify';

const backend = currentBackend();
const TEMPLATES = ['sim_tmpl_case_accepted', 'sim_tmpl_case_dispatched', 'sim_tmpl_case_resolved'];
const SEND_PATH = '/cgi-bin/message/subscribe/send';

describe('subscribe message fields', () => {
  it('fits thing values into 20 characters with an ellipsis inside the limit', () => {
    expect(wxThing('路灯不亮')).toBe('路灯不亮');
    const long = wxThing('这是一段非常非常非常非常长的处理结果说明，超过了二十个字的限制');
    expect(Array.from(long)).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
    expect(wxThing('  多个\n\n空白  ')).toBe('多个 空白');
    expect(wxThing('', '无')).toBe('无');
  });

  it('keeps phrases to 5 Chinese characters, strings to 32 ASCII, times in Asia/Shanghai', () => {
    expect(wxPhrase('已受理')).toBe('已受理');
    expect(wxPhrase('OK已办结了吗啊')).toBe('已办结了吗');
    expect(wxCharacterString('202611220007')).toBe('202611220007');
    expect(wxCharacterString('编号 A-1'.repeat(20))).toBe('A-1'.repeat(20).slice(0, 32));
    expect(wxTime(new Date('2026-11-22T16:05:59Z'))).toBe('2026-11-23 00:05');
  });
});

describe(`case subscribe messages on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let outbox: OutboxService;
  let workflow: CaseWorkflowService;
  let dispatcher: CaseActor;
  let clock: number;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', WECHAT_MP_STATE: 'developer' });
    town = await setupCaseTown(t);
    outbox = await t.get(OutboxService);
    workflow = await t.get(CaseWorkflowService);
    dispatcher = await townDispatcher(t, town);
    clock = Date.now() + 1000;
  });
  afterAll(async () => {
    await t?.sim.setAvailability('up');
    await t?.close();
  });

  /** One delivery pass at a test clock that only moves forward (by `advanceMs`). */
  const pass = (advanceMs: number) => {
    clock += advanceMs;
    return outbox.deliverDue(new Date(clock));
  };
  const openidOf = async (userId: string) =>
    (await town.ds.getRepository(MpUser).findOneByOrFail({ id: userId })).openid;
  const subscribeRows = (caseId: string) =>
    town.ds
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .where("m.topic = 'wechat.subscribe.case'")
      .andWhere('m.dedupe_key LIKE :key', { key: `case:${caseId}:%` })
      .orderBy('m.dedupe_key')
      .getMany();
  const sendCalls = () => t.simRequests.filter((r) => r.path === SEND_PATH).length;

  /** The resident subscribed to `templateIds` when reporting (and tapped 允许 in WeChat `quota` times). */
  async function subscribedCase(
    reporter: CaseTown['mp']['residentA'],
    templateIds: string[],
    quota: boolean,
  ): Promise<CaseRecord> {
    const record = await submitCase(t, town, { reporter });
    await town.ds.getRepository(CaseRecord).update({ id: record.id }, { subscribedTemplates: templateIds });
    if (quota) {
      const res = await fetch(`${t.sim.url}/__dev/subscribe`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ appid: TEST_APPID, openid: await openidOf(reporter.id), templateIds }),
      });
      expect(res.status).toBe(200);
    }
    return record;
  }

  /** accept → dispatch → resolve (by the dispatcher), each enqueuing one subscribe message. */
  async function runToResolved(caseId: string): Promise<void> {
    await workflow.apply(caseId, 'accept', dispatcher);
    await workflow.apply(caseId, 'dispatch', dispatcher, { assignee: { kind: 'mp', id: town.mp.workerA1.id } });
    await workflow.apply(caseId, 'resolve', dispatcher, {
      result: '已安排施工队对路面坑洞进行了修补，恢复通行并设置警示标志',
    });
  }

  it('delivers every message exactly once after WeChat comes back', async () => {
    const reporter = town.mp.residentA;
    const openid = await openidOf(reporter.id);
    const record = await subscribedCase(reporter, TEMPLATES, true);

    await t.sim.setAvailability('refused');
    await runToResolved(record.id);
    await pass(0);
    await pass(1000);
    let rows = await subscribeRows(record.id);
    expect(rows.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
    expect(rows.every((r) => r.attempts === 2 && r.lastError)).toBe(true);
    expect(t.sim.subscribeMessages(openid)).toEqual([]);

    await t.sim.setAvailability('up');
    await pass(1000); // not due yet: the second failure asked for 2 s
    expect(t.sim.subscribeMessages(openid)).toEqual([]);
    expect(await pass(1000)).toBeGreaterThanOrEqual(3);
    // Later passes (and their backoff) must not send anything twice.
    await pass(60_000);
    await pass(3_600_000);

    rows = await subscribeRows(record.id);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['delivered', 3],
      ['delivered', 3],
      ['delivered', 3],
    ]);
    const sent = t.sim.subscribeMessages(openid);
    expect(sent.map((m) => m.template_id).sort()).toEqual([...TEMPLATES].sort());
    const byTemplate = Object.fromEntries(sent.map((m) => [m.template_id, m]));
    expect(byTemplate.sim_tmpl_case_accepted).toMatchObject({
      page: `resident/pages/case/index?id=${record.id}`,
      miniprogram_state: 'developer',
      data: { character_string1: { value: record.no }, phrase3: { value: '已受理' } },
    });
    expect(byTemplate.sim_tmpl_case_accepted.data.time4.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(byTemplate.sim_tmpl_case_dispatched.data.thing2.value).toBe('王五');
    const result = byTemplate.sim_tmpl_case_resolved.data.thing5.value;
    expect(Array.from(result)).toHaveLength(20);
    expect(result.endsWith('…')).toBe(true);
  });

  it('drops a message WeChat refuses with 43101 and never retries it', async () => {
    const record = await subscribedCase(town.mp.residentB, [TEMPLATES[0]], false);
    await workflow.apply(record.id, 'accept', dispatcher);
    const before = sendCalls();
    await pass(0);
    expect(sendCalls()).toBe(before + 1);
    const [row] = await subscribeRows(record.id);
    expect(row).toMatchObject({ status: 'dropped', attempts: 1, lastError: expect.stringContaining('43101') });
    await pass(60_000);
    await pass(3_600_000);
    expect(sendCalls()).toBe(before + 1);
    expect(t.sim.subscribeMessages(await openidOf(town.mp.residentB.id))).toEqual([]);
  });

  it('sends nothing for a template the reporter did not subscribe to', async () => {
    const record = await subscribedCase(town.mp.residentA, [TEMPLATES[2]], false);
    await workflow.apply(record.id, 'accept', dispatcher);
    const before = sendCalls();
    await pass(0);
    expect(await subscribeRows(record.id)).toEqual([]);
    expect(sendCalls()).toBe(before);
  });
});
