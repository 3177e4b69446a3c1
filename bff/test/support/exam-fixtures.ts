import type { Permission } from '@zhili/shared';
import type { Region } from '../../src/modules/region';
import { MpUser } from '../../src/modules/mp-user';
import { dataSourceOf, createRegion } from './staff-fixtures';
import { mpLogin, type MpFixture } from './mp-fixtures';
import { createPartyOrg, PARTY_WORK, partyStaff, registryPerson } from './party-fixtures';
import type { TestApp } from './test-app';

export type Who = { id: string; auth: string };

/** The exam teacher's permissions in these tests (a branch secretary runs the school for the branch). */
export const EXAM_WORK: Permission[] = ['exam:manage', 'party:org:read', 'party:member:read'];

export interface ExamWorld {
  admin: Who;
  secretaryA: Who;
  secretaryB: Who;
  committee: { id: string };
  branchA: { id: string };
  branchB: { id: string };
  /** 李四 in branch A, 孙一 in branch B, 王五 in branch A. */
  memberA: MpFixture;
  memberA2: MpFixture;
  memberB: MpFixture;
  resident: MpFixture;
  villageA: Region;
}

/** A town committee with two branches, a secretary each, and members logged in to the mini-program. */
export async function examWorld(t: TestApp, tag: string): Promise<ExamWorld> {
  const town = await createRegion(t, `青山镇${tag}`, 'town');
  const villageA = await createRegion(t, `幸福村${tag}`, 'village', town);
  const villageB = await createRegion(t, `和谐村${tag}`, 'village', town);
  const admin = await partyStaff(t, `exam.town.${tag}`, town, ['party:manage', ...PARTY_WORK, 'exam:manage']);
  const secretaryA = await partyStaff(t, `exam.sec.a.${tag}`, villageA, EXAM_WORK);
  const secretaryB = await partyStaff(t, `exam.sec.b.${tag}`, villageB, EXAM_WORK);
  const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: `青山镇党委${tag}` });
  const branchA = await createPartyOrg(t, admin, {
    parentId: committee.id,
    type: 'branch',
    name: `幸福村党支部${tag}`,
  });
  const branchB = await createPartyOrg(t, admin, {
    parentId: committee.id,
    type: 'branch',
    name: `和谐村党支部${tag}`,
  });
  const http = () => t.http();
  for (const [sec, org] of [
    [secretaryA, branchA],
    [secretaryB, branchB],
  ] as const) {
    const res = await http()
      .post(`/api/admin/party/orgs/${org.id}/staff`)
      .set('Authorization', admin.auth)
      .send({ staffUserId: sec.id });
    if (res.status >= 300) throw new Error(`staff: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const ds = await dataSourceOf(t);
  const member = async (name: string, region: typeof villageA, orgId: string, identity: string) => {
    const p = await registryPerson(t, name, region);
    const res = await http()
      .post('/api/admin/party/members')
      .set('Authorization', admin.auth)
      .send({ personId: p.id, orgId, category: 'full', joinedOn: '2001-07-01', convertedOn: '2002-07-01' });
    if (res.status !== 201) throw new Error(`member: ${res.status} ${JSON.stringify(res.body)}`);
    const first = await mpLogin(t, identity);
    await ds.getRepository(MpUser).update({ id: first.id }, { roles: ['party_member'] });
    const login = await mpLogin(t, identity);
    const link = await http()
      .put(`/api/admin/party/members/${res.body.data.id}/mp-account`)
      .set('Authorization', admin.auth)
      .send({ mpUserId: login.id });
    if (link.status !== 204) throw new Error(`link: ${link.status} ${JSON.stringify(link.body)}`);
    return login;
  };
  const memberA = await member('李四', villageA, branchA.id, `exam-a-${tag}`);
  const memberA2 = await member('王五', villageA, branchA.id, `exam-a2-${tag}`);
  const memberB = await member('孙一', villageB, branchB.id, `exam-b-${tag}`);
  const resident = await mpLogin(t, `exam-resident-${tag}`);
  return { admin, secretaryA, secretaryB, committee, branchA, branchB, memberA, memberA2, memberB, resident, villageA };
}

/** A single-choice question body for `orgId`. */
export function singleQuestion(orgId: string, category: string, stem: string, right = 1) {
  return {
    orgId,
    category,
    difficulty: 'easy',
    type: 'single',
    stem,
    options: ['甲', '乙', '丙', '丁'].map((text, i) => ({ text: `${stem}·${text}`, correct: i === right })),
    explanation: `${stem}的解析`,
  };
}
