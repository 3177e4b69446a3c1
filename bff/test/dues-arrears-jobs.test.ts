import { randomUUID } from 'crypto';
import { addMonths, beijingMonth, billDueOn } from '@zhili/shared';
import { OutboxMessage } from '../src/core/outbox';
import { DuesBill } from '../src/modules/dues/bills/dues-bill.entity';
import { DuesBillJobs } from '../src/modules/dues/bills/bill-jobs';
import { DuesReminder } from '../src/modules/dues/bills/dues-reminder.entity';
import {
  DUES_REMINDER_TOPIC,
  DuesReminderPush,
  type DuesReminderPayload,
} from '../src/modules/dues/bills/dues-reminder-push';
import { MpUser } from '../src/modules/mp-user';
import { PartyMember } from '../src/modules/party';
import { currentBackend } from './support/backends';
import { studyWorld } from './support/study-progress-fixtures';
import { dataSourceOf } from './support/staff-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();
const TEMPLATE = 'sim_tmpl_dues_reminder';

/**
 * The monthly dues job: it bills every active member with a base for the Beijing month (once, however
 * often it runs) and reminds members three to five months behind once a month, by a subscribe message
 * written to the outbox in the reminder's transaction.
 */
describe(`dues monthly job on ${backend.name}`, () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof studyWorld>>;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', WECHAT_TMPL_DUES_REMINDER: TEMPLATE });
    w = await studyWorld(t, 'duesjob');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('bills the month once and reminds a member three months behind once', async () => {
    const ds = await dataSourceOf(t);
    const now = new Date();
    const month = beijingMonth(now);
    const lisi = await ds.getRepository(PartyMember).findOneByOrFail({ id: w.lisi.memberId });
    await t
      .http()
      .put('/api/mp/dues/declaration')
      .set('Authorization', w.lisi.auth)
      .send({ kind: 'employed', incomeFen: 450_000 })
      .expect(200);
    for (const back of [1, 2, 3]) {
      await ds.getRepository(DuesBill).insert({
        id: randomUUID(),
        memberId: lisi.id,
        orgId: lisi.orgId,
        orgPath: lisi.orgPath,
        kind: 'monthly',
        month: addMonths(month, -back),
        period: addMonths(month, -back),
        amountFen: 4500,
        declarationId: null,
        title: null,
        status: 'unpaid',
        dueOn: billDueOn(addMonths(month, -back)),
        version: 1,
      });
    }

    const jobs = await t.get(DuesBillJobs);
    await jobs.tick(now);
    await jobs.tick(now);
    const thisMonth = await ds.getRepository(DuesBill).findBy({ kind: 'monthly', month });
    expect(thisMonth.map((b) => b.memberId)).toEqual([lisi.id]);
    expect(thisMonth[0].amountFen).toBe(4500);
    expect(await ds.getRepository(DuesReminder).countBy({ memberId: lisi.id })).toBe(1);

    // The push is in the outbox, in the reminder's transaction, and reads as the member should see it.
    const outbox = await ds.getRepository(OutboxMessage).findBy({ topic: DUES_REMINDER_TOPIC });
    expect(outbox).toHaveLength(1);
    const openid = (await ds.getRepository(MpUser).findOneByOrFail({ id: w.lisi.id })).openid;
    const push = await t.get(DuesReminderPush);
    const message = await push.build(JSON.parse(outbox[0].payload) as DuesReminderPayload);
    expect(message).toMatchObject({
      touser: openid,
      templateId: TEMPLATE,
      page: 'party/pages/dues/index',
      data: {
        thing1: { value: '党费交纳提醒' },
        character_string2: { value: '135.00' },
        thing3: { value: '已连续3个月未交纳党费，请尽快交纳' },
      },
    });
  });
});
