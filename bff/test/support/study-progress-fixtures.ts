import { randomUUID } from 'crypto';
import { insertEach } from '../../src/core/db/insert-each';
import type { LessonKind } from '@zhili/shared';
import { MpUser } from '../../src/modules/mp-user';
import { PartyOrg } from '../../src/modules/party';
import { StudyColumn } from '../../src/modules/study/courses/study-column.entity';
import { StudyCourse } from '../../src/modules/study/courses/study-course.entity';
import { StudyLessonEntity } from '../../src/modules/study/courses/study-lesson.entity';
import { mpLogin, type MpFixture } from './mp-fixtures';
import { createPartyOrg, partyStaff, registryPerson, townPartyAdmin } from './party-fixtures';
import { createRegion, dataSourceOf } from './staff-fixtures';
import type { TestApp } from './test-app';

export type Who = { id: string; auth: string };
export type MemberLogin = MpFixture & { memberId: string };

/**
 * Two branches of one town committee with linked members, for the progress and points tests:
 * 幸福村党支部 (李四, 王五) and 和谐村党支部 (孙一); a secretary of each; the town's admin.
 */
export async function studyWorld(t: TestApp, prefix: string) {
  const town = await createRegion(t, '青山镇', 'town');
  const villageA = await createRegion(t, '幸福村', 'village', town);
  const villageB = await createRegion(t, '和谐村', 'village', town);
  const schoolWork = ['study:manage', 'exam:manage', 'survey:manage'] as const;
  const admin = await townPartyAdmin(t, `${prefix}.town`, town);
  const townSchool = await partyStaff(t, `${prefix}.school`, town, ['party:manage', 'party:org:read', ...schoolWork]);
  const secretaryA = await partyStaff(t, `${prefix}.sec.a`, villageA, [
    'party:org:read',
    'party:member:read',
    'party:org:manage',
    ...schoolWork,
  ]);
  const secretaryB = await partyStaff(t, `${prefix}.sec.b`, villageB, ['party:org:read', ...schoolWork]);
  const plain = await partyStaff(t, `${prefix}.plain`, town, ['party:org:read']);
  const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
  const branchA = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
  const branchB = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '和谐村党支部' });
  const post = (path: string, body: object) => t.http().post(path).set('Authorization', admin.auth).send(body);
  for (const [staff, org] of [
    [secretaryA, branchA],
    [secretaryB, branchB],
  ] as const) {
    const res = await post(`/api/admin/party/orgs/${org.id}/staff`, { staffUserId: staff.id });
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  }
  const ds = await dataSourceOf(t);
  const member = async (name: string, village: typeof villageA, orgId: string, identity: string) => {
    const person = await registryPerson(t, name, village);
    const res = await post('/api/admin/party/members', {
      personId: person.id,
      orgId,
      category: 'full',
      joinedOn: '2001-07-01',
      convertedOn: '2002-07-01',
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    const memberId = (res.body.data as { id: string }).id;
    const first = await mpLogin(t, identity);
    await ds.getRepository(MpUser).update({ id: first.id }, { roles: ['party_member'] });
    const login = await mpLogin(t, identity);
    const link = await t
      .http()
      .put(`/api/admin/party/members/${memberId}/mp-account`)
      .set('Authorization', admin.auth)
      .send({ mpUserId: login.id });
    if (link.status !== 204) throw new Error(`${link.status} ${JSON.stringify(link.body)}`);
    return { ...login, memberId } as MemberLogin;
  };
  const lisi = await member('李四', villageA, branchA.id, `${prefix}-lisi`);
  const wangwu = await member('王五', villageA, branchA.id, `${prefix}-wangwu`);
  const sunyi = await member('孙一', villageB, branchB.id, `${prefix}-sunyi`);
  const resident = await mpLogin(t, `${prefix}-resident`);
  return {
    town,
    villageA,
    villageB,
    admin,
    townSchool,
    secretaryA,
    secretaryB,
    plain,
    committee,
    branchA,
    branchB,
    lisi,
    wangwu,
    sunyi,
    resident,
  };
}

/**
 * A published required course with the given lessons, inserted directly (the course API is another
 * test's business). `audienceOrgIds` empty = the whole town.
 */
export async function publishedCourse(
  t: TestApp,
  ownerId: string,
  lessons: ({ kind: 'video'; durationMs: number } | { kind: Exclude<LessonKind, 'video'>; minReadingMs: number })[],
  audienceOrgIds: string[] = [],
) {
  const ds = await dataSourceOf(t);
  const pathOf = async (id: string) => (await ds.getRepository(PartyOrg).findOneByOrFail({ id })).path;
  const audiencePaths = await Promise.all(audienceOrgIds.map(pathOf));
  const column = ds.getRepository(StudyColumn).create({
    id: randomUUID(),
    name: `栏目${randomUUID().slice(0, 4)}`,
    description: null,
    sortOrder: 0,
  });
  await ds.getRepository(StudyColumn).insert(column);
  const course = ds.getRepository(StudyCourse).create({
    id: randomUUID(),
    columnId: column.id,
    orgId: ownerId,
    orgPath: await pathOf(ownerId),
    title: '学习党章',
    summary: null,
    required: true,
    hoursTenths: 10,
    creditsTenths: 10,
    opensOn: null,
    closesOn: null,
    audience: audiencePaths.length ? 'orgs' : 'all',
    audienceOrgIds,
    audiencePaths,
    needsApproval: false,
    status: 'published',
    publishedAt: new Date().toISOString(),
    closedAt: null,
    actorId: randomUUID(),
  });
  await ds.getRepository(StudyCourse).insert(course);
  const rows = lessons.map((l, i) =>
    ds.getRepository(StudyLessonEntity).create({
      id: randomUUID(),
      courseId: course.id,
      sortOrder: i,
      title: `第${i + 1}课`,
      kind: l.kind,
      fileId: null,
      videoUrl: l.kind === 'video' ? 'https://example.org/v.mp4' : null,
      durationMs: l.kind === 'video' ? l.durationMs : null,
      minReadingMs: l.kind === 'video' ? null : l.minReadingMs,
      articleHtml: l.kind === 'article' ? '<p>正文</p>' : null,
    }),
  );
  // One by one: the rows' ids are handed back (insertEach says why).
  await insertEach(ds.getRepository(StudyLessonEntity), rows);
  return { course, lessons: rows };
}
