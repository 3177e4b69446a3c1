import type { MySurveyVO, SurveyResultsVO, SurveyVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf, staffWithToken } from './support/staff-fixtures';
import { devPhoneCode, mpLogin } from './support/mp-fixtures';
import { day, PARTY_WORK, partyStaff, registryPerson } from './support/party-fixtures';
import { fetchBinary } from './support/binary';
import { MpUser } from '../src/modules/mp-user';
import { SurveyRespondent, SurveyResponse } from '../src/modules/survey/surveys/survey.entity';

const backend = currentBackend();
type Who = { id: string; auth: string };

const QUESTIONS = [
  { kind: 'single', title: '您对本村环境整治是否满意？', options: ['满意', '一般', '不满意'] },
  { kind: 'multiple', title: '最希望改善哪些方面？', options: ['道路', '路灯', '垃圾清运'] },
  { kind: 'rating', title: '请为村委会服务打分' },
  { kind: 'text', title: '其他意见', required: false },
];

const ANSWERS = (single: number, multiple: number[], rating: number, text?: string) => ({
  answers: [
    { questionId: 'q1', choices: [single] },
    { questionId: 'q2', choices: multiple },
    { questionId: 'q3', rating },
    ...(text ? [{ questionId: 'q4', text }] : []),
  ],
});

/**
 * Surveys of members and residents' consultations through the API: the audience (another branch,
 * another village, someone we cannot place → 404), one response per person (also two at once), the
 * window, anonymity read from the tables, results and export, and the staff scopes.
 */
describe(`surveys on ${backend.name}`, () => {
  let t: TestApp;
  let admin: Who;
  let secretaryA: Who;
  let secretaryB: Who;
  let villageAdminA: Who;
  let villageAdminB: Who;
  let branchA: { id: string };
  let memberA: Who;
  let memberA2: Who;
  let memberB: Who;
  let residentA: Who;
  let residentB: Who;
  let nowhere: Who;
  let villageA: { id: string };

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object = {}) =>
    t.http().post(path).set('Authorization', who.auth).send(body);
  const create = async (who: Who, body: object) => {
    const res = await post(who, '/api/admin/surveys', {
      anonymous: false,
      opensOn: day(-1),
      closesOn: day(7),
      questions: QUESTIONS,
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data as SurveyVO;
  };
  const published = async (who: Who, body: object) => {
    const survey = await create(who, body);
    const res = await post(who, `/api/admin/surveys/${survey.id}/publish`);
    expect(res.status).toBe(200);
    return res.body.data as SurveyVO;
  };
  const results = async (who: Who, id: string) => {
    const res = await get(who, `/api/admin/surveys/${id}/results`);
    expect(res.status).toBe(200);
    return res.body.data as SurveyResultsVO;
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    const town = await createRegion(t, '青山镇', 'town');
    const a = await createRegion(t, '幸福村', 'village', town);
    const b = await createRegion(t, '和谐村', 'village', town);
    villageA = a;
    const SURVEY_WORK = [...PARTY_WORK, 'survey:manage' as const];
    admin = await partyStaff(t, 'sv.town', town, ['party:manage', ...SURVEY_WORK]);
    secretaryA = await partyStaff(t, 'sv.sec.a', a, SURVEY_WORK);
    secretaryB = await partyStaff(t, 'sv.sec.b', b, SURVEY_WORK);
    villageAdminA = await staffWithToken(t, { username: 'sv.cun.a', roles: ['village_admin'], region: a });
    villageAdminB = await staffWithToken(t, { username: 'sv.cun.b', roles: ['village_admin'], region: b });
    const org = async (parentId: string | null, type: string, name: string, regionId: string | null = null) => {
      const res = await post(admin, '/api/admin/party/orgs', {
        parentId,
        type,
        name,
        foundedOn: '2015-01-01',
        regionId,
      });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data as { id: string };
    };
    const committee = await org(null, 'committee', '青山镇党委');
    branchA = await org(committee.id, 'branch', '幸福村党支部', a.id);
    const branchB = await org(committee.id, 'branch', '和谐村党支部', b.id);
    await post(admin, `/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: secretaryA.id });
    await post(admin, `/api/admin/party/orgs/${branchB.id}/staff`, { staffUserId: secretaryB.id });
    const ds = await dataSourceOf(t);
    const member = async (identity: string, name: string, orgId: string, region: typeof a) => {
      const p = await registryPerson(t, name, region);
      const res = await post(admin, '/api/admin/party/members', {
        personId: p.id,
        orgId,
        category: 'full',
        joinedOn: '2001-07-01',
        convertedOn: '2002-07-01',
      });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      const first = await mpLogin(t, identity, name);
      await ds.getRepository(MpUser).update({ id: first.id }, { roles: ['party_member'] });
      const linked = await t
        .http()
        .put(`/api/admin/party/members/${res.body.data.id}/mp-account`)
        .set('Authorization', admin.auth)
        .send({ mpUserId: first.id });
      expect(linked.status).toBe(204);
      return mpLogin(t, identity, name);
    };
    memberA = await member('sv-member-a', '李四', branchA.id, a);
    memberA2 = await member('sv-member-a2', '李五', branchA.id, a);
    memberB = await member('sv-member-b', '孙一', branchB.id, b);
    // Residents are placed by the registry person whose phone WeChat verified for them.
    const resident = async (identity: string, phone: string, region: typeof a | null) => {
      const user = await mpLogin(t, identity, '居民');
      const bound = await post(user, '/api/mp/me/phone', { code: await devPhoneCode(t.sim, phone) });
      expect(bound.status).toBe(200);
      if (region) await registryPerson(t, `居民${phone.slice(-4)}`, region, { phone });
      return user;
    };
    residentA = await resident('sv-resident-a', '13900000001', a);
    residentB = await resident('sv-resident-b', '13900000002', b);
    nowhere = await resident('sv-nowhere', '13900000003', null);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lets a member of the branch answer once; another branch does not find the survey', async () => {
    const survey = await published(secretaryA, { audience: 'members', orgId: branchA.id, title: '支部工作满意度' });
    expect(survey).toMatchObject({ status: 'published', phase: 'open', targetName: '幸福村党支部' });
    const list = await get(memberA, '/api/mp/surveys');
    expect(list.status).toBe(200);
    expect((list.body.data as MySurveyVO[]).map((s) => s.id)).toContain(survey.id);
    const first = await post(memberA, `/api/mp/surveys/${survey.id}/responses`, ANSWERS(0, [0, 2], 5, '路灯要修'));
    expect(first.status).toBe(201);
    const again = await post(memberA, `/api/mp/surveys/${survey.id}/responses`, ANSWERS(1, [1], 3));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('每人只能提交一次');
    expect(((await get(memberA, `/api/mp/surveys/${survey.id}`)).body.data as MySurveyVO).answered).toBe(true);
    // Another branch's member: not in their list, 404 on read and answer.
    expect(((await get(memberB, '/api/mp/surveys')).body.data as MySurveyVO[]).map((s) => s.id)).not.toContain(
      survey.id,
    );
    expect((await get(memberB, `/api/mp/surveys/${survey.id}`)).status).toBe(404);
    expect((await post(memberB, `/api/mp/surveys/${survey.id}/responses`, ANSWERS(0, [0], 4))).status).toBe(404);
    // A resident is not a member: the members' surveys are not theirs.
    expect((await get(residentA, '/api/mp/surveys')).status).toBe(403);
    const r = await results(secretaryA, survey.id);
    expect(r.responseCount).toBe(1);
    expect(r.questions[0].options.map((o) => o.count)).toEqual([1, 0, 0]);
    expect(r.questions[3].texts).toEqual([{ text: '路灯要修', name: '李四' }]);
  });

  it('takes one of two simultaneous submissions and refuses the other with 409', async () => {
    const survey = await published(secretaryA, { audience: 'members', orgId: branchA.id, title: '并发提交' });
    const path = `/api/mp/surveys/${survey.id}/responses`;
    const [x, y] = await Promise.all([
      post(memberA2, path, ANSWERS(0, [0], 4)),
      post(memberA2, path, ANSWERS(1, [1], 2)),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    const r = await results(secretaryA, survey.id);
    expect(r.responseCount).toBe(1);
    const ds = await dataSourceOf(t);
    expect(await ds.getRepository(SurveyResponse).countBy({ surveyId: survey.id })).toBe(1);
  });

  it('keeps no person with an anonymous consultation answer and reaches only residents of the village', async () => {
    const survey = await published(villageAdminA, {
      audience: 'residents',
      regionId: villageA.id,
      anonymous: true,
      title: '村道硬化议事协商',
    });
    expect(survey.targetName).toBe('幸福村');
    const listA = await get(residentA, '/api/mp/consultations');
    expect((listA.body.data as MySurveyVO[]).map((s) => s.id)).toEqual([survey.id]);
    expect((await get(residentB, '/api/mp/consultations')).body.data).toEqual([]);
    expect((await get(nowhere, '/api/mp/consultations')).body.data).toEqual([]);
    expect((await get(residentB, `/api/mp/consultations/${survey.id}`)).status).toBe(404);
    expect((await post(nowhere, `/api/mp/consultations/${survey.id}/responses`, ANSWERS(0, [0], 5))).status).toBe(404);
    const res = await post(
      residentA,
      `/api/mp/consultations/${survey.id}/responses`,
      ANSWERS(2, [1], 2, '希望尽快施工'),
    );
    expect(res.status).toBe(201);
    expect((await post(residentA, `/api/mp/consultations/${survey.id}/responses`, ANSWERS(0, [0], 5))).status).toBe(
      409,
    );
    // The tables: the response names nobody; only the "has answered" row knows the person, without a time.
    const ds = await dataSourceOf(t);
    const rows = await ds.getRepository(SurveyResponse).findBy({ surveyId: survey.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ memberId: null, mpUserId: null });
    expect(JSON.stringify(rows[0])).not.toContain(residentA.id);
    expect(await ds.getRepository(SurveyRespondent).findBy({ surveyId: survey.id })).toEqual([
      { surveyId: survey.id, respondentKey: `mp:${residentA.id}` },
    ]);
    const r = await results(villageAdminA, survey.id);
    expect(r.questions[3].texts).toEqual([{ text: '希望尽快施工', name: null }]);
    expect(r.questions[2]).toMatchObject({ ratingAverage: 2, ratingCounts: [0, 1, 0, 0, 0] });
  });

  it('takes answers only inside the window and while published', async () => {
    const later = await published(secretaryA, {
      audience: 'members',
      orgId: branchA.id,
      title: '下周开始',
      opensOn: day(3),
      closesOn: day(10),
    });
    const early = await post(memberA, `/api/mp/surveys/${later.id}/responses`, ANSWERS(0, [0], 5));
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('开始');
    const open = await published(secretaryA, { audience: 'members', orgId: branchA.id, title: '提前结束' });
    expect((await post(secretaryA, `/api/admin/surveys/${open.id}/close`)).body.data.status).toBe('closed');
    const late = await post(memberA, `/api/mp/surveys/${open.id}/responses`, ANSWERS(0, [0], 5));
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('已结束');
    const draft = await create(secretaryA, { audience: 'members', orgId: branchA.id, title: '草稿' });
    expect((await get(memberA, `/api/mp/surveys/${draft.id}`)).status).toBe(404);
  });

  it('checks answers against the questions', async () => {
    const survey = await published(secretaryA, { audience: 'members', orgId: branchA.id, title: '答卷校验' });
    const path = `/api/mp/surveys/${survey.id}/responses`;
    const bad = [
      {
        answers: [
          { questionId: 'q1', choices: [0, 1] },
          { questionId: 'q2', choices: [0] },
          { questionId: 'q3', rating: 3 },
        ],
      },
      {
        answers: [
          { questionId: 'q1', choices: [5] },
          { questionId: 'q2', choices: [0] },
          { questionId: 'q3', rating: 3 },
        ],
      },
      {
        answers: [
          { questionId: 'q1', choices: [0] },
          { questionId: 'q3', rating: 3 },
        ],
      },
      { answers: [{ questionId: 'q9', choices: [0] }] },
      { answers: [{ questionId: 'q3', rating: 6 }] },
    ];
    for (const body of bad) expect((await post(memberA, path, body)).status).toBe(400);
    expect((await post(memberA, path, ANSWERS(0, [0], 3))).status).toBe(201);
  });

  it('keeps staff to their scopes', async () => {
    const consultation = await create(villageAdminA, { audience: 'residents', regionId: villageA.id, title: '范围' });
    const branchSurvey = await create(secretaryA, { audience: 'members', orgId: branchA.id, title: '范围' });
    expect((await get(villageAdminB, `/api/admin/surveys/${consultation.id}`)).status).toBe(404);
    expect((await get(secretaryB, `/api/admin/surveys/${branchSurvey.id}`)).status).toBe(404);
    expect((await get(villageAdminA, `/api/admin/surveys/${branchSurvey.id}`)).status).toBe(404);
    expect((await get(admin, `/api/admin/surveys/${branchSurvey.id}`)).status).toBe(200);
    const listB = (await get(villageAdminB, '/api/admin/surveys?pageSize=100')).body.data as SurveyVO[];
    expect(listB.map((s) => s.id)).not.toContain(consultation.id);
    const listA = (await get(villageAdminA, '/api/admin/surveys?pageSize=100')).body.data as SurveyVO[];
    expect(listA.every((s) => s.audience === 'residents')).toBe(true);
    expect(listA.map((s) => s.id)).toContain(consultation.id);
    // Addressing what is not theirs is refused as a field error.
    const foreign = await post(villageAdminB, '/api/admin/surveys', {
      audience: 'residents',
      regionId: villageA.id,
      anonymous: false,
      opensOn: day(0),
      closesOn: day(3),
      questions: QUESTIONS,
      title: '越界',
    });
    expect(foreign.status).toBe(400);
    const allMembers = await post(secretaryA, '/api/admin/surveys', {
      audience: 'members',
      orgId: null,
      anonymous: false,
      opensOn: day(0),
      closesOn: day(3),
      questions: QUESTIONS,
      title: '全体',
    });
    expect(allMembers.status).toBe(400);
    // Published surveys cannot be edited.
    await post(secretaryA, `/api/admin/surveys/${branchSurvey.id}/publish`);
    const edit = await t
      .http()
      .put(`/api/admin/surveys/${branchSurvey.id}`)
      .set('Authorization', secretaryA.auth)
      .send({
        audience: 'members',
        orgId: branchA.id,
        anonymous: false,
        opensOn: day(0),
        closesOn: day(3),
        questions: QUESTIONS,
        title: '改',
      });
    expect(edit.status).toBe(409);
  });

  it('exports the results as xlsx', async () => {
    const survey = await published(secretaryA, { audience: 'members', orgId: branchA.id, title: '导出' });
    await post(memberA, `/api/mp/surveys/${survey.id}/responses`, ANSWERS(0, [0], 5, '=1+1'));
    const res = await fetchBinary(t, `/api/admin/surveys/${survey.id}/results.xlsx`).set(
      'Authorization',
      secretaryA.auth,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});
