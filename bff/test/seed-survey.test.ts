import type { DataSource } from 'typeorm';
import type { AppraisalRoundVO, MyAppraisalRoundVO, MySurveyVO } from '@zhili/shared';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { seed } from '../src/cli/seed';
import { MpUser } from '../src/modules/mp-user';
import { ensureDemoParty } from '../src/seed/demo-party';
import { ensureDemoStudySurvey } from '../src/seed/demo-study-survey';
import { shanghaiToday } from '../src/seed/demo-town';
import { currentBackend } from './support/backends';
import { mpLogin } from './support/mp-fixtures';
import { dataSourceOf } from './support/staff-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();
const TODAY = shanghaiToday();

/**
 * The demo surveys in a real database: 李四 finds his branch's survey and the open appraisal, the
 * demo resident finds 幸福村's 议事协商 (placed by the phone of a registered villager), and the
 * appraisal already has votes of members and residents but none of 李四.
 */
describe(`demo surveys seed on ${backend.name}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let lisi: { auth: string };
  let zhangsan: { auth: string };

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    ds = await dataSourceOf(t);
    const lisiMp = await mpLogin(t, 'seed-survey-lisi', '李四');
    const zhangsanMp = await mpLogin(t, 'seed-survey-zhangsan', '张三');
    const openid = async (id: string) => (await ds.getRepository(MpUser).findOneByOrFail({ id })).openid;
    const cipher = await t.get(PiiCipher);
    await seed(ds, { size: 'small', cipher, today: TODAY });
    await ensureDemoParty(ds, { cipher, today: TODAY, lisiOpenid: await openid(lisiMp.id) });
    await ensureDemoStudySurvey(ds, { today: TODAY, residentOpenid: await openid(zhangsanMp.id) });
    // A second run writes nothing new.
    expect(await ensureDemoStudySurvey(ds, { today: TODAY })).toBe(false);
    lisi = await mpLogin(t, 'seed-survey-lisi', '李四');
    zhangsan = await mpLogin(t, 'seed-survey-zhangsan', '张三');
  }, 300_000);
  afterAll(() => t?.close());

  const get = (who: { auth: string }, path: string) => t.http().get(path).set('Authorization', who.auth);

  it('gives 李四 his branch survey and the appraisal to vote in', async () => {
    const surveys = (await get(lisi, '/api/mp/surveys')).body.data as MySurveyVO[];
    expect(surveys.map((s) => s.title)).toContain('党员学习需求调查');
    const appraisals = (await get(lisi, '/api/mp/appraisals')).body.data as MyAppraisalRoundVO[];
    expect(appraisals).toHaveLength(1);
    expect(appraisals[0]).toMatchObject({ group: expect.any(String), done: false, phase: 'open' });
    expect(appraisals[0].appraisees.every((a) => !a.voted)).toBe(true);
  });

  it('places the demo resident in 幸福村 for its 议事协商', async () => {
    const list = (await get(zhangsan, '/api/mp/consultations')).body.data as MySurveyVO[];
    expect(list.map((s) => s.title)).toEqual(['幸福村村道硬化议事协商']);
    expect(list[0]).toMatchObject({ anonymous: true, answered: false, phase: 'open' });
  });

  it('has votes of members and residents in the open appraisal, results hidden', async () => {
    const appraisal = (await get(lisi, '/api/mp/appraisals')).body.data[0] as MyAppraisalRoundVO;
    const { AppraisalRound } = await import('../src/modules/survey/appraisals/appraisal.entity');
    const round = await ds.getRepository(AppraisalRound).findOneByOrFail({ id: appraisal.id });
    expect(round.status).toBe('open');
    const { AppraisalViews } = await import('../src/modules/survey/appraisals/appraisal-views');
    const [vo] = (await (await t.get(AppraisalViews)).toVOs([round])) as AppraisalRoundVO[];
    expect(vo.results).toBeNull();
    expect(vo.progress.find((p) => p.group === 'resident')?.voters).toBe(8);
    expect(vo.progress.find((p) => p.group === 'member')?.voters).toBeGreaterThan(0);
  });
});
