import { randomUUID } from 'crypto';
import { Like, type DataSource, type EntityManager } from 'typeorm';
import { appraisalGradeScores, appraisalGrades, type SurveyQuestionVO } from '@zhili/shared';
import { MpUser } from '../modules/mp-user';
import { PartyMember } from '../modules/party/members/party-member.entity';
import { PartyMemberAccount } from '../modules/party/meetings/party-member-account.entity';
import { PartyOrg } from '../modules/party/org/party-org.entity';
import { Region } from '../modules/region/region.entity';
import { Person } from '../modules/registry/entities';
import { StaffUser } from '../modules/staff/staff-user.entity';
import {
  AppraisalBallot,
  AppraisalRound,
  AppraisalSubject,
  AppraisalVote,
} from '../modules/survey/appraisals/appraisal.entity';
import { Survey } from '../modules/survey/surveys/survey.entity';
import { BRANCH_SECRETARY_USERNAME, LISI_NAME } from './demo-party';
import { shanghaiToday } from './demo-town';
import { TOWN_CODE, TOWN_CODE_PREFIX } from './plan';
import { Rng } from './prng';

const DEMO_SURVEY_SEED = 20_261_208;
const MEMBER_SURVEY_TITLE = '党员学习需求调查';
const CONSULTATION_TITLE = '幸福村村道硬化议事协商';

export interface DemoStudySurveyOptions {
  today?: string;
  /** The simulator's demo resident (张三): placed in 幸福村 so the 议事协商 reaches him. */
  residentOpenid?: string;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const q = (id: string, kind: SurveyQuestionVO['kind'], title: string, options: string[] = [], required = true) => ({
  id,
  kind,
  title,
  required,
  options,
});

/**
 * The demo surveys (#15) in 幸福村: a named survey of 幸福村党支部's members, an anonymous 议事协商 of the
 * village's residents (both open, no answers yet, so 李四 and 张三 answer them themselves), and an
 * open 民主评议 of the branch with some votes of members and residents already in (李四 has not voted).
 * 张三 is placed in 幸福村 as a phone binding would: his account gets the number of a registered
 * villager (the keyed hashes match). Idempotent: the surveys and the appraisal are written once.
 */
export async function ensureDemoStudySurvey(ds: DataSource, options: DemoStudySurveyOptions = {}): Promise<boolean> {
  const town = await ds.getRepository(Region).findOneBy({ code: TOWN_CODE, level: 'town' });
  const village =
    town && (await ds.getRepository(Region).findOneBy({ code: `${TOWN_CODE_PREFIX}201`, parentId: town.id }));
  const branch = village && (await ds.getRepository(PartyOrg).findOneBy({ regionId: village.id, type: 'branch' }));
  if (!village || !branch) return false;
  await placeResident(ds.manager, options.residentOpenid, village);
  if (await ds.getRepository(Survey).existsBy({ title: MEMBER_SURVEY_TITLE })) return false;
  const actor = await ds.getRepository(StaffUser).findOneBy({ username: BRANCH_SECRETARY_USERNAME });
  const actorId = actor?.id ?? 'seed';
  const today = options.today ?? shanghaiToday();
  const rng = new Rng(DEMO_SURVEY_SEED);
  await ds.transaction(async (m) => {
    const survey = (fields: Partial<Survey>) =>
      m.insert(Survey, {
        id: randomUUID(),
        orgId: null,
        orgPath: null,
        regionId: null,
        regionPath: null,
        description: null,
        opensOn: addDays(today, -3),
        closesOn: addDays(today, 14),
        status: 'published',
        responseCount: 0,
        publishedAt: new Date().toISOString(),
        closedAt: null,
        actorId,
        ...fields,
      } as Survey);
    await survey({
      audience: 'members',
      orgId: branch.id,
      orgPath: branch.path,
      title: MEMBER_SURVEY_TITLE,
      description: '为安排明年的学习内容，请支部党员如实填写。',
      anonymous: false,
      questions: [
        q('q1', 'single', '您每周能安排多少时间学习？', ['1 小时以内', '1–3 小时', '3 小时以上']),
        q('q2', 'multiple', '您希望学习哪些内容？', ['党史', '党章党规', '乡村振兴政策', '法律常识']),
        q('q3', 'rating', '您对今年支部组织的学习是否满意？'),
        q('q4', 'text', '其他建议', [], false),
      ],
    });
    await survey({
      audience: 'residents',
      regionId: village.id,
      regionPath: village.path,
      title: CONSULTATION_TITLE,
      description: '村委会计划明年春天硬化村西主路，需要大家出工出力，想听听您的意见。',
      anonymous: true,
      questions: [
        q('q1', 'single', '您是否同意硬化村西主路？', ['同意', '不同意', '无所谓']),
        q('q2', 'single', '您希望什么时候施工？', ['春节前', '春耕后', '秋收后']),
        q('q3', 'text', '您还有什么意见？', [], false),
      ],
    });
    await seedAppraisal(m, branch, village, today, actorId, rng);
  });
  return true;
}

/** 张三's account takes a registered 幸福村 villager's phone, as binding his phone would have matched it. */
async function placeResident(m: EntityManager, openid: string | undefined, village: Region): Promise<void> {
  const user = openid && (await m.findOneBy(MpUser, { openid }));
  if (!user || user.phone.hash) return;
  const person = await m
    .getRepository(Person)
    .createQueryBuilder('p')
    .where('p.scope_path LIKE :path AND p.status = :active AND p.phone_hash IS NOT NULL', {
      path: `${village.path}%`,
      active: 'active',
    })
    .orderBy('p.id', 'ASC')
    .getOne();
  if (person) await m.update(MpUser, { id: user.id }, { phone: person.phone });
}

/** An open appraisal of the branch's members with votes from the other members and from residents. */
async function seedAppraisal(
  m: EntityManager,
  branch: PartyOrg,
  village: Region,
  today: string,
  actorId: string,
  rng: Rng,
): Promise<void> {
  const members = await m.find(PartyMember, { where: { orgId: branch.id, status: 'active' }, order: { id: 'ASC' } });
  if (members.length === 0) return;
  // Members who voted already: never one with a demo account, nor 李四 (he votes himself, linked or not yet).
  const linked = new Set((await m.find(PartyMemberAccount)).map((a) => a.memberId));
  const lisi = await m.findBy(Person, { name: LISI_NAME, scopePath: Like(`${village.path}%`) });
  const lisiIds = new Set(lisi.map((p) => p.id));
  for (const member of members) if (member.personId && lisiIds.has(member.personId)) linked.add(member.id);
  const roundId = randomUUID();
  const year = today.slice(0, 4);
  await m.insert(AppraisalRound, {
    id: roundId,
    orgId: branch.id,
    orgPath: branch.path,
    regionPath: village.path,
    title: `${year}年度民主评议党员`,
    period: `${year}年度`,
    opensOn: addDays(today, -2),
    closesOn: addDays(today, 10),
    status: 'open',
    closedAt: null,
    actorId,
  });
  const subjects = members.slice(0, 12);
  await m.insert(
    AppraisalSubject,
    subjects.map((s) => ({ roundId, memberId: s.id, scoreTenths: null })),
  );
  const voters = [
    ...members
      .filter((v) => !linked.has(v.id))
      .slice(0, 6)
      .map((v) => ({ key: `member:${v.id}`, self: v.id, group: 'member' as const })),
    ...Array.from({ length: 8 }, (_, i) => ({ key: `seed:resident:${i + 1}`, self: null, group: 'resident' as const })),
  ];
  const weights = [5, 4, 1, 0];
  for (const voter of voters)
    for (const s of subjects) {
      if (s.id === voter.self) continue;
      const roll = rng.int(0, weights.reduce((a, b) => a + b, 0) - 1);
      let acc = 0;
      const grade = appraisalGrades.find((_, i) => (acc += weights[i]) > roll) ?? 'competent';
      await m.insert(AppraisalBallot, { roundId, memberId: s.id, voterKey: voter.key, voterGroup: voter.group });
      await m.insert(AppraisalVote, {
        id: randomUUID(),
        roundId,
        memberId: s.id,
        voterGroup: voter.group,
        grade,
        score: appraisalGradeScores[grade],
      });
    }
}
