import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { courseAddresses, type StudyCourseVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { createPartyOrg, partyStaff, PARTY_WORK } from './support/party-fixtures';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { StoredFile } from '../src/modules/file';
import { StudyCourse, StudyLessonEntity } from '../src/modules/study';
import { ensureDemoStudyCourses } from '../src/seed/demo-study-courses';
import { DEMO_VIDEO_SECONDS } from '../src/seed/study-media';

const backend = currentBackend();

/** The demo courses: a town-wide course with a real MP4 and PDF in the file store, 幸福村's own course, electives; once. */
describe(`demo study courses on ${backend.name}`, () => {
  let t: TestApp;
  let admin: { auth: string };
  let uploadDir: string;
  const previous = process.env.UPLOAD_DIR;
  jest.setTimeout(120_000);

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-seed-study-'));
    process.env.UPLOAD_DIR = uploadDir;
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', UPLOAD_DIR: uploadDir });
    const town = await createRegion(t, '青山镇', 'town');
    admin = await partyStaff(t, 'seedcourse.town', town, ['party:manage', ...PARTY_WORK, 'study:manage']);
    const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
    await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
  });
  afterAll(async () => {
    await t?.close();
    process.env.UPLOAD_DIR = previous;
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('writes courses, lessons and their files once', async () => {
    const ds = await dataSourceOf(t);
    expect(await ensureDemoStudyCourses(ds)).toMatchObject({ created: true, courses: 4, lessons: 6 });
    const courses = await ds.getRepository(StudyCourse).find();
    expect(courses.filter((c) => c.required)).toHaveLength(2);
    expect(courses.filter((c) => c.needsApproval)).toHaveLength(1);
    const branchCourse = courses.find((c) => c.audience === 'orgs') as StudyCourse;
    expect(courseAddresses(branchCourse, `${branchCourse.audiencePaths[0]}x/`)).toBe(true);
    const video = await ds.getRepository(StudyLessonEntity).findOneByOrFail({ kind: 'video' });
    expect(Math.round((video.durationMs ?? 0) / 1000)).toBe(DEMO_VIDEO_SECONDS);
    const file = await ds.getRepository(StoredFile).findOneByOrFail({ id: video.fileId as string });
    expect(file.mime).toBe('video/mp4');
    expect(readFileSync(join(uploadDir, file.storageKey)).length).toBe(file.sizeBytes);
    expect(await ensureDemoStudyCourses(ds)).toMatchObject({ created: false });
  });

  it('lists every course with its own column and lesson count', async () => {
    const res = await t.http().get('/api/admin/study/courses').set('Authorization', admin.auth);
    expect(res.status).toBe(200);
    const rows = (res.body.data as StudyCourseVO[]).map((c) => [c.title, c.columnName, c.lessonCount]);
    expect(rows.sort()).toEqual(
      [
        ['学习新修订的党章', '理论学习', 3],
        ['幸福村党支部：乡村振兴专题学习', '政策法规', 1],
        ['党史故事：红船精神', '党史教育', 1],
        ['基层治理法规选读（选修，需报名）', '政策法规', 1],
      ].sort(),
    );
  });
});
