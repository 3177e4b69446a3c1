import { createHash, randomUUID } from 'crypto';
import { mkdir, writeFile } from 'fs/promises';
import { dirname, resolve } from 'path';
import type { DataSource } from 'typeorm';
import { shanghaiDate } from '@zhili/shared';
import { repoRoot } from '../core/config/repo-root';
import { insertEach } from '../core/db/insert-each';
import { mp4DurationMs, PDF_MIME, StoredFile, VIDEO_MP4_MIME } from '../modules/file';
import { PartyOrg } from '../modules/party/org/party-org.entity';
import { StaffUser } from '../modules/staff/staff-user.entity';
import { StudyColumn } from '../modules/study/courses/study-column.entity';
import { StudyCourse } from '../modules/study/courses/study-course.entity';
import { StudyLessonEntity } from '../modules/study/courses/study-lesson.entity';
import { BRANCH_SECRETARY_USERNAME, PARTY_SECRETARY_USERNAME } from './demo-party';
import { demoPdf, demoVideoMp4 } from './study-media';

export interface DemoStudyCoursesReport {
  /** False when courses existed already, or there is no party organisation to own them. */
  created: boolean;
  columns: number;
  courses: number;
  lessons: number;
}

const DAY_MS = 86_400_000;

/** Where the demo's lesson files go: the file module's local store (UPLOAD_DIR, default var/uploads). */
function uploadRoot(): string {
  return resolve(repoRoot, process.env.UPLOAD_DIR || 'var/uploads');
}

/** A stored file as an upload by `ownerId` would leave it, attached to `scopePath`. */
async function storeFile(ds: DataSource, bytes: Buffer, mime: string, ownerId: string, scopePath: string) {
  const id = randomUUID();
  const storageKey = `demo/${id}`;
  const path = resolve(uploadRoot(), storageKey);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  await ds.getRepository(StoredFile).insert({
    id,
    ownerKind: 'staff',
    ownerId,
    mime,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    storageKey,
    scopePath,
  });
  return id;
}

const ARTICLE = [
  '<h3>为什么要学习党章</h3>',
  '<p>党章是党的根本大法，是全党必须共同遵守的根本行为规范。学习党章，是每名党员的<strong>基本功</strong>。</p>',
  '<h3>学习要求</h3>',
  '<ul><li>逐章通读党章原文</li><li>结合本村实际谈体会</li><li>在支部主题党日上交流</li></ul>',
  '<p>请各位党员认真阅读，阅读满规定时间即记为完成本课时。</p>',
].join('');

/**
 * The demo party school's courses: three columns, a town-wide required course with the demo video
 * (its length read from the MP4), a PDF lesson and an article; a required course of 幸福村党支部 (an
 * article, for the branch secretary cun201.shuji to manage); an elective open to all and an elective
 * needing approval. Files go to the file module's store as uploads would. Runs once: nothing is
 * written when a course exists. Runs after the party seed (it needs the organisations and accounts).
 */
export async function ensureDemoStudyCourses(
  ds: DataSource,
  options: { now?: Date } = {},
): Promise<DemoStudyCoursesReport> {
  const none = { created: false, columns: 0, courses: 0, lessons: 0 };
  if ((await ds.getRepository(StudyCourse).count()) > 0) return none;
  const committee = await ds.getRepository(PartyOrg).findOne({ where: { type: 'committee' }, order: { path: 'ASC' } });
  const branch = await ds.getRepository(PartyOrg).findOneBy({ name: '幸福村党支部' });
  if (!committee || !branch) return none;
  const staff = ds.getRepository(StaffUser);
  const townActor = (await staff.findOneBy({ username: PARTY_SECRETARY_USERNAME }))?.id ?? randomUUID();
  const branchActor = (await staff.findOneBy({ username: BRANCH_SECRETARY_USERNAME }))?.id ?? townActor;
  const now = options.now ?? new Date();
  const day = (offset: number) => shanghaiDate(now.getTime() + offset * DAY_MS);

  const columns = ['理论学习', '党史教育', '政策法规'].map((name, i) =>
    ds.getRepository(StudyColumn).create({ id: randomUUID(), name, description: null, sortOrder: i + 1 }),
  );
  columns[0].description = '党章党规、重要讲话和理论文章';
  columns[1].description = '党的百年奋斗历程';
  columns[2].description = '乡村振兴、基层治理相关政策';
  await insertEach(ds.getRepository(StudyColumn), columns);

  const course = (
    over: Partial<StudyCourse> & Pick<StudyCourse, 'title' | 'columnId' | 'required'>,
    owner: PartyOrg,
    actorId: string,
  ): StudyCourse =>
    ds.getRepository(StudyCourse).create({
      id: randomUUID(),
      orgId: owner.id,
      orgPath: owner.path,
      summary: null,
      hoursTenths: 10,
      creditsTenths: 10,
      opensOn: day(-14),
      closesOn: day(30),
      audience: 'all',
      audienceOrgIds: [],
      audiencePaths: [],
      needsApproval: false,
      status: 'published',
      publishedAt: new Date(now.getTime() - 14 * DAY_MS).toISOString(),
      closedAt: null,
      actorId,
      ...over,
    });
  const charter = course(
    {
      title: '学习新修订的党章',
      columnId: columns[0].id,
      required: true,
      hoursTenths: 20,
      creditsTenths: 20,
      summary: '全镇党员必修：观看辅导视频，阅读学习材料和导读文章。',
    },
    committee,
    townActor,
  );
  const branchCourse = course(
    {
      title: '幸福村党支部：乡村振兴专题学习',
      columnId: columns[2].id,
      required: true,
      audience: 'orgs',
      audienceOrgIds: [branch.id],
      audiencePaths: [branch.path],
      summary: '本支部党员必修，结合本村产业发展学习。',
    },
    branch,
    branchActor,
  );
  const history = course(
    {
      title: '党史故事：红船精神',
      columnId: columns[1].id,
      required: false,
      hoursTenths: 5,
      creditsTenths: 5,
      closesOn: null,
    },
    committee,
    townActor,
  );
  const law = course(
    {
      title: '基层治理法规选读（选修，需报名）',
      columnId: columns[2].id,
      required: false,
      needsApproval: true,
      summary: '名额有限，申请后由支部审核。',
    },
    committee,
    townActor,
  );
  const courses = [charter, branchCourse, history, law];
  await insertEach(ds.getRepository(StudyCourse), courses);

  const video = demoVideoMp4();
  const videoId = await storeFile(ds, video, VIDEO_MP4_MIME, townActor, `study:${committee.path}`);
  const pdfId = await storeFile(
    ds,
    demoPdf('党章学习材料', [
      '中国共产党党员是中国工人阶级的有共产主义觉悟的先锋战士。',
      '党员必须全心全意为人民服务，不惜牺牲个人的一切，为实现共产主义奋斗终身。',
      '请认真阅读本材料，并在支部学习会上交流心得体会。',
    ]),
    PDF_MIME,
    townActor,
    `study:${committee.path}`,
  );
  const lesson = (c: StudyCourse, sortOrder: number, over: Partial<StudyLessonEntity>) =>
    ds.getRepository(StudyLessonEntity).create({
      id: randomUUID(),
      courseId: c.id,
      sortOrder,
      title: '',
      kind: 'article',
      fileId: null,
      videoUrl: null,
      durationMs: null,
      minReadingMs: null,
      articleHtml: null,
      ...over,
    });
  const lessons = [
    lesson(charter, 1, {
      title: '辅导视频：党章的历史沿革',
      kind: 'video',
      fileId: videoId,
      durationMs: mp4DurationMs(video),
    }),
    lesson(charter, 2, { title: '学习材料：党章原文选读', kind: 'document', fileId: pdfId, minReadingMs: 60_000 }),
    lesson(charter, 3, { title: '导读：为什么要学习党章', articleHtml: ARTICLE, minReadingMs: 30_000 }),
    lesson(branchCourse, 1, {
      title: '我村特色产业发展思路',
      articleHtml:
        '<p>幸福村立足本地资源，发展特色种植和乡村旅游……</p><p>请结合本职工作思考如何带头致富、带领致富。</p>',
      minReadingMs: 30_000,
    }),
    lesson(history, 1, {
      title: '红船启航',
      articleHtml: '<p>1921 年，中国共产党第一次全国代表大会在嘉兴南湖的一条红船上闭幕……</p>',
      minReadingMs: 30_000,
    }),
    lesson(law, 1, {
      title: '村民委员会组织法要点',
      articleHtml: '<p>村民委员会是村民自我管理、自我教育、自我服务的基层群众性自治组织。</p>',
      minReadingMs: 30_000,
    }),
  ];
  await insertEach(ds.getRepository(StudyLessonEntity), lessons);
  return { created: true, columns: columns.length, courses: courses.length, lessons: lessons.length };
}
