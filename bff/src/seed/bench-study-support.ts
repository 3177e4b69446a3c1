import { randomUUID } from 'crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { dataSourceOptions } from '../config/database';
import { MpRoleGrant, MpUser } from '../modules/mp-user';
import { PartyMemberAccount } from '../modules/party/meetings/party-member-account.entity';
import { PartyMember } from '../modules/party/members/party-member.entity';
import { PartyOrg } from '../modules/party/org/party-org.entity';
import { Region } from '../modules/region/region.entity';
import { StudyColumn } from '../modules/study/courses/study-column.entity';
import { StudyCourse } from '../modules/study/courses/study-course.entity';
import { StudyLessonEntity } from '../modules/study/courses/study-lesson.entity';
import { TOWN_CODE } from './plan';

/**
 * For `npm run bench -- study` only (never reachable over HTTP): turns the signed-in mini-program
 * users `openids` into party members of one branch (file, role, account link, as a redeemed binding
 * code and the secretary's link would) and publishes one required course with a long article lesson
 * (an hour of reading: nobody completes it during the run, so every heartbeat takes the same path).
 */
export async function prepareStudyBench(databaseUrl: string, openids: string[]): Promise<{ lessonId: string }> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), migrationsRun: false });
  await dataSource.initialize();
  try {
    const town = await dataSource.getRepository(Region).findOneByOrFail({ code: TOWN_CODE, parentId: IsNull() });
    const branch = await dataSource
      .getRepository(PartyOrg)
      .findOneOrFail({ where: { type: 'branch' }, order: { path: 'ASC' } });
    const users = await dataSource.getRepository(MpUser).findBy({ openid: In(openids) });
    if (users.length !== openids.length)
      throw new Error(`expected ${openids.length} mini-program users, found ${users.length}`);
    const lessonId = randomUUID();
    await dataSource.transaction(async (m) => {
      for (const user of users) {
        const memberId = randomUUID();
        await m.update(MpUser, { id: user.id }, { roles: [...new Set([...user.roles, 'party_member' as const])] });
        await m.insert(MpRoleGrant, {
          userId: user.id,
          role: 'party_member',
          regionId: town.id,
          scopePath: town.path,
          bindingCodeId: null,
        });
        await m.insert(PartyMember, {
          id: memberId,
          personId: null,
          gender: null,
          birthDate: null,
          orgId: branch.id,
          orgPath: branch.path,
          category: 'full',
          status: 'active',
          joinedOn: '2010-07-01',
          convertedOn: '2011-07-01',
          position: null,
          education: null,
          workUnit: null,
          flowPlace: null,
          flowSince: null,
          flowContactOrg: null,
          admissionId: null,
          lastEventOn: null,
        });
        await m.insert(PartyMemberAccount, { memberId, mpUserId: user.id });
      }
      const columnId = randomUUID();
      await m.insert(StudyColumn, { id: columnId, name: '基准测试', description: null, sortOrder: 99 });
      const courseId = randomUUID();
      await m.insert(StudyCourse, {
        id: courseId,
        columnId,
        orgId: branch.id,
        orgPath: branch.path,
        title: '基准测试课程',
        summary: null,
        required: true,
        hoursTenths: 10,
        creditsTenths: 10,
        opensOn: null,
        closesOn: null,
        audience: 'orgs',
        audienceOrgIds: [branch.id],
        audiencePaths: [branch.path],
        needsApproval: false,
        status: 'published',
        publishedAt: new Date().toISOString(),
        closedAt: null,
        actorId: 'bench',
      });
      await m.insert(StudyLessonEntity, {
        id: lessonId,
        courseId,
        sortOrder: 1,
        title: '基准测试文章',
        kind: 'article',
        minReadingMs: 3_600_000,
        articleHtml: '<p>基准测试</p>',
      });
    });
    return { lessonId };
  } finally {
    await dataSource.destroy();
  }
}
