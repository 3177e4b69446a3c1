import type {
  MyCourseVO,
  MyLessonVO,
  StudyCourseDetailVO,
  StudyCourseVO,
  StudyHomeVO,
  StudyLessonVO,
} from '@zhili/shared';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { currentBackend } from './support/backends';
import { fetchBinary } from './support/binary';
import { day } from './support/party-fixtures';
import { studyWorld } from './support/study-progress-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const backend = currentBackend();
type Who = { id: string; auth: string };

/** A small MP4 as players see it: ftyp, an mdat of `payload` bytes, then moov/mvhd saying 95.5 s. */
function mp4(payload = 4096): Buffer {
  const box = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body]);
  };
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(95_500, 16);
  const mdat = Buffer.alloc(payload);
  for (let i = 0; i < payload; i++) mdat[i] = i % 251;
  return Buffer.concat([
    box('ftyp', Buffer.from('isom\0\0\u0002\0isomavc1', 'latin1')),
    box('mdat', mdat),
    box('moov', box('mvhd', mvhd)),
  ]);
}

const pdf = () =>
  Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * Courses of the party school through the API: the party scope (a branch edits its own courses, sees
 * the town's read-only, never another branch's), lesson kinds with uploaded files (MP4 length read from
 * the file, served by byte ranges), article sanitising, the publish/close/delete rules, and what a
 * member may open (audience, dates, elective approval).
 */
describe(`party school courses on ${backend.name}`, () => {
  let t: TestApp;
  let uploadDir: string;
  let w: Awaited<ReturnType<typeof studyWorld>>;
  let columnId: string;

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object = {}) =>
    t.http().post(path).set('Authorization', who.auth).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('Authorization', who.auth).send(body);
  const del = (who: Who, path: string) => t.http().delete(path).set('Authorization', who.auth);
  const ok = <T>(res: { status: number; body: { data?: unknown } }, status = 200): T => {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data as T;
  };
  const courseBody = (over: object = {}) => ({
    columnId,
    orgId: w.branchA.id,
    title: '学习新党章',
    summary: '逐章学习',
    required: true,
    hours: 1.5,
    credits: 1,
    audience: 'orgs',
    audienceOrgIds: [w.branchA.id],
    ...over,
  });
  const article = { title: '第一课', kind: 'article', articleHtml: '<p>党章总纲</p>', minReadingMs: 60_000 };
  const upload = (who: Who, kind: string, bytes: Buffer, filename: string) =>
    t
      .http()
      .post(`/api/admin/study/files?kind=${kind}`)
      .set('Authorization', who.auth)
      .attach('file', bytes, { filename });

  jest.setTimeout(180_000);

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-study-'));
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', UPLOAD_DIR: uploadDir });
    w = await studyWorld(t, 'courses');
    columnId = ok<{ id: string }>(
      await post(w.townSchool, '/api/admin/study/columns', { name: '理论学习', sortOrder: 1 }),
      201,
    ).id;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('lets only the town committee arrange columns, and refuses deleting one with courses', async () => {
    expect((await post(w.secretaryA, '/api/admin/study/columns', { name: '党史' })).status).toBe(403);
    const list = ok<{ name: string }[]>(await get(w.secretaryA, '/api/admin/study/columns'));
    expect(list.map((c) => c.name)).toContain('理论学习');
    expect((await post(w.townSchool, '/api/admin/study/columns', { name: '理论学习' })).status).toBe(400);
    const c = ok<StudyCourseVO>(await post(w.secretaryA, '/api/admin/study/courses', courseBody()), 201);
    const res = await del(w.townSchool, `/api/admin/study/columns/${columnId}`);
    expect(res.status).toBe(409);
    expect((await del(w.secretaryA, `/api/admin/study/courses/${c.id}`)).status).toBe(204);
  });

  it('keeps a branch course within its party scope', async () => {
    const mine = ok<StudyCourseVO>(await post(w.secretaryA, '/api/admin/study/courses', courseBody()), 201);
    expect(mine).toMatchObject({ hours: 1.5, credits: 1, status: 'draft', editable: true, orgName: '幸福村党支部' });
    // Another branch: not in its list, 404 on read, edit, publish and delete.
    const listB = ok<StudyCourseVO[]>(await get(w.secretaryB, '/api/admin/study/courses'));
    expect(listB.map((c) => c.id)).not.toContain(mine.id);
    expect((await get(w.secretaryB, `/api/admin/study/courses/${mine.id}`)).status).toBe(404);
    expect((await put(w.secretaryB, `/api/admin/study/courses/${mine.id}`, courseBody())).status).toBe(404);
    expect((await post(w.secretaryB, `/api/admin/study/courses/${mine.id}/publish`)).status).toBe(404);
    expect((await del(w.secretaryB, `/api/admin/study/courses/${mine.id}`)).status).toBe(404);
    expect((await post(w.secretaryB, `/api/admin/study/courses/${mine.id}/lessons`, article)).status).toBe(404);
    // A branch cannot open a course for the whole town or for another branch.
    const all = await post(
      w.secretaryA,
      '/api/admin/study/courses',
      courseBody({ audience: 'all', audienceOrgIds: [] }),
    );
    expect(all.status).toBe(400);
    expect(
      (await post(w.secretaryA, '/api/admin/study/courses', courseBody({ audienceOrgIds: [w.branchB.id] }))).status,
    ).toBe(400);
    expect((await post(w.secretaryA, '/api/admin/study/courses', courseBody({ orgId: w.branchB.id }))).status).toBe(
      400,
    );
    // Staff without study:manage: 403.
    expect((await get(w.plain, '/api/admin/study/courses')).status).toBe(403);
  });

  it('shows the town-wide course to a branch read-only once published', async () => {
    const town = ok<StudyCourseVO>(
      await post(
        w.townSchool,
        '/api/admin/study/courses',
        courseBody({ orgId: w.committee.id, audience: 'all', audienceOrgIds: [], title: '全镇必修' }),
      ),
      201,
    );
    expect((await get(w.secretaryA, `/api/admin/study/courses/${town.id}`)).status).toBe(404); // a draft
    ok(await post(w.townSchool, `/api/admin/study/courses/${town.id}/lessons`, article), 201);
    ok(await post(w.townSchool, `/api/admin/study/courses/${town.id}/publish`));
    const seen = ok<StudyCourseVO[]>(
      await get(w.secretaryA, `/api/admin/study/courses?q=${encodeURIComponent('全镇')}`),
    );
    expect(seen.map((c) => [c.id, c.editable])).toEqual([[town.id, false]]);
    expect((await put(w.secretaryA, `/api/admin/study/courses/${town.id}`, courseBody())).status).toBe(404);
    expect((await post(w.secretaryA, `/api/admin/study/courses/${town.id}/close`)).status).toBe(404);
  });

  it('refuses bad lessons and courses with field errors', async () => {
    const c = ok<StudyCourseVO>(await post(w.secretaryA, '/api/admin/study/courses', courseBody()), 201);
    const lessons = `/api/admin/study/courses/${c.id}/lessons`;
    const bad = [
      { title: '视频', kind: 'video' },
      { title: '视频', kind: 'video', videoUrl: 'http://example.org/v.mp4', durationMs: 60_000 },
      { title: '视频', kind: 'video', videoUrl: 'https://example.org/v.mp4' },
      { title: '文档', kind: 'document', minReadingMs: 60_000 },
      { ...article, minReadingMs: 5 },
      { ...article, articleHtml: '<script>alert(1)</script>' },
      { ...article, extra: 1 },
      { title: '文档', kind: 'document', fileId: 'not-an-upload', minReadingMs: 60_000 },
    ];
    for (const body of bad)
      expect({ body, status: (await post(w.secretaryA, lessons, body)).status }).toEqual({ body, status: 400 });
    for (const over of [
      { hours: 1.55 },
      { hours: -1 },
      { opensOn: '2026-12-10', closesOn: '2026-12-01' },
      { opensOn: '2026-02-30' },
    ])
      expect((await post(w.secretaryA, '/api/admin/study/courses', courseBody(over))).status).toBe(400);
    // Publishing needs a lesson.
    expect((await post(w.secretaryA, `/api/admin/study/courses/${c.id}/publish`)).status).toBe(409);
  });

  it('never gives back a script or an event handler from an article', async () => {
    const c = ok<StudyCourseVO>(await post(w.secretaryA, '/api/admin/study/courses', courseBody()), 201);
    const lesson = ok<StudyLessonVO>(
      await post(w.secretaryA, `/api/admin/study/courses/${c.id}/lessons`, {
        ...article,
        articleHtml:
          '<p onclick="x()">坚持<strong>党的领导</strong><script>alert(1)</script></p><img src=x onerror="alert(2)"><a href="javascript:alert(3)">链接</a><svg onload="alert(4)"></svg>',
      }),
      201,
    );
    expect(lesson.articleHtml).toBe('<p>坚持<strong>党的领导</strong></p><a>链接</a>');
    ok(await post(w.secretaryA, `/api/admin/study/courses/${c.id}/publish`));
    const seen = ok<MyLessonVO>(await get(w.lisi, `/api/mp/study/lessons/${lesson.id}`));
    expect(seen.articleHtml).not.toMatch(/script|onerror|onclick|onload|javascript/i);
  });

  it('stores an uploaded MP4 with its length read from the file and serves it by byte ranges', async () => {
    const bytes = mp4();
    expect((await upload(w.secretaryA, 'video', pdf(), 'a.pdf')).status).toBe(415);
    const file = ok<{ id: string; durationMs: number; url: string }>(
      await upload(w.secretaryA, 'video', bytes, 'a.mp4'),
      201,
    );
    expect(file.durationMs).toBe(95_500);
    const c = ok<StudyCourseVO>(
      await post(w.secretaryA, '/api/admin/study/courses', courseBody({ title: '视频课' })),
      201,
    );
    const lesson = ok<StudyLessonVO>(
      await post(w.secretaryA, `/api/admin/study/courses/${c.id}/lessons`, {
        title: '视频',
        kind: 'video',
        fileId: file.id,
      }),
      201,
    );
    expect(lesson).toMatchObject({ kind: 'video', durationMs: 95_500, requiredMs: 85_950 });
    // The same upload cannot be attached twice (a PDF lesson with it, or another course).
    const again = await post(w.secretaryA, `/api/admin/study/courses/${c.id}/lessons`, {
      title: '又一个',
      kind: 'video',
      fileId: file.id,
    });
    expect(again.status).toBe(400);
    ok(await post(w.secretaryA, `/api/admin/study/courses/${c.id}/publish`));
    const mine = ok<MyLessonVO>(await get(w.lisi, `/api/mp/study/lessons/${lesson.id}`));
    expect(mine.fileUrl).toMatch(/^\/api\/files\//);
    const url = mine.fileUrl as string;

    const whole = await fetchBinary(t, url);
    expect(whole.status).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(Buffer.compare(whole.body as Buffer, bytes)).toBe(0);

    const part = await fetchBinary(t, url).set('Range', 'bytes=100-199');
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.compare(part.body as Buffer, bytes.subarray(100, 200))).toBe(0);

    const tail = await fetchBinary(t, url).set('Range', 'bytes=-10');
    expect(tail.status).toBe(206);
    expect(Buffer.compare(tail.body as Buffer, bytes.subarray(bytes.length - 10))).toBe(0);

    const beyond = await t.http().get(url).set('Range', `bytes=${bytes.length}-`);
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${bytes.length}`);
    expect(beyond.body.error.code).toBe('RANGE_NOT_SATISFIABLE');
    // A forged signature still gets nothing.
    expect(
      (
        await t
          .http()
          .get(url.replace(/sig=[^&]+/, 'sig=AAAA'))
          .set('Range', 'bytes=0-1')
      ).status,
    ).toBe(403);
  });

  it('takes a PDF for a document lesson', async () => {
    const file = ok<{ id: string }>(await upload(w.secretaryA, 'document', pdf(), 'a.pdf'), 201);
    expect((await upload(w.secretaryA, 'document', mp4(), 'a.mp4')).status).toBe(415);
    const c = ok<StudyCourseVO>(
      await post(w.secretaryA, '/api/admin/study/courses', courseBody({ title: '文档课' })),
      201,
    );
    const lesson = ok<StudyLessonVO>(
      await post(w.secretaryA, `/api/admin/study/courses/${c.id}/lessons`, {
        title: '文件精神',
        kind: 'document',
        fileId: file.id,
        minReadingMs: 120_000,
      }),
      201,
    );
    expect(lesson).toMatchObject({ kind: 'document', requiredMs: 120_000 });
    expect(lesson.fileUrl).toMatch(/^\/api\/files\//);
  });

  it('shows a member only the courses addressed to them, and only while open', async () => {
    const c = ok<StudyCourseVO>(
      await post(w.secretaryA, '/api/admin/study/courses', courseBody({ title: '支部必修' })),
      201,
    );
    const lesson = ok<StudyLessonVO>(
      await post(w.secretaryA, `/api/admin/study/courses/${c.id}/lessons`, article),
      201,
    );
    // A draft is nobody's yet.
    expect((await get(w.lisi, `/api/mp/study/lessons/${lesson.id}`)).status).toBe(404);
    ok(await post(w.secretaryA, `/api/admin/study/courses/${c.id}/publish`));
    const home = ok<StudyHomeVO>(await get(w.lisi, '/api/mp/study/home'));
    expect(home.required.map((x) => x.title)).toContain('支部必修');
    expect(home.columns.map((x) => x.name)).toContain('理论学习');
    // Reminders are off in this app (no template): the home offers no 允许 it could not use.
    expect(home.reminderTemplateId).toBeNull();
    const detail = ok<MyCourseVO & { lessons: { id: string }[] }>(await get(w.lisi, `/api/mp/study/courses/${c.id}`));
    expect(detail).toMatchObject({ state: 'open', lessonCount: 1 });
    expect(detail.lessons.map((l) => l.id)).toEqual([lesson.id]);
    // Outside the audience: 404 for the course and its lessons.
    expect((await get(w.sunyi, `/api/mp/study/courses/${c.id}`)).status).toBe(404);
    expect((await get(w.sunyi, `/api/mp/study/lessons/${lesson.id}`)).status).toBe(404);
    const homeB = ok<StudyHomeVO>(await get(w.sunyi, '/api/mp/study/home'));
    expect(homeB.required.map((x) => x.id)).not.toContain(c.id);
    // A resident without a member file: 403 (role) — never a course.
    expect((await get(w.resident, '/api/mp/study/home')).status).toBe(403);
    // Not open yet: 403 with the opening day.
    ok(await put(w.secretaryA, `/api/admin/study/courses/${c.id}`, courseBody({ title: '支部必修', opensOn: day(2) })));
    const early = await get(w.lisi, `/api/mp/study/lessons/${lesson.id}`);
    expect(early.status).toBe(403);
    expect(early.body.error.message).toContain(day(2));
    // Closed: kept in the list as 已结束, lessons refused; then no longer deletable.
    ok(await put(w.secretaryA, `/api/admin/study/courses/${c.id}`, courseBody({ title: '支部必修' })));
    ok(await post(w.secretaryA, `/api/admin/study/courses/${c.id}/close`));
    expect((await get(w.lisi, `/api/mp/study/lessons/${lesson.id}`)).status).toBe(403);
    expect((await del(w.secretaryA, `/api/admin/study/courses/${c.id}`)).status).toBe(409);
    expect((await put(w.secretaryA, `/api/admin/study/courses/${c.id}`, courseBody())).status).toBe(409);
  });

  it('lets a member study an elective that needs approval only after their secretary approves', async () => {
    const c = ok<StudyCourseVO>(
      await post(
        w.townSchool,
        '/api/admin/study/courses',
        courseBody({
          orgId: w.committee.id,
          audience: 'all',
          audienceOrgIds: [],
          title: '选修：乡村振兴',
          required: false,
          needsApproval: true,
        }),
      ),
      201,
    );
    const lesson = ok<StudyLessonVO>(
      await post(w.townSchool, `/api/admin/study/courses/${c.id}/lessons`, article),
      201,
    );
    ok(await post(w.townSchool, `/api/admin/study/courses/${c.id}/publish`));
    const before = ok<StudyHomeVO>(await get(w.lisi, '/api/mp/study/home'));
    expect(before.electives.find((x) => x.id === c.id)?.state).toBe('apply');
    expect((await get(w.lisi, `/api/mp/study/lessons/${lesson.id}`)).status).toBe(403);

    const asked = ok<MyCourseVO>(await post(w.lisi, `/api/mp/study/courses/${c.id}/enrolment`));
    expect(asked.state).toBe('pending');
    ok(await post(w.sunyi, `/api/mp/study/courses/${c.id}/enrolment`));
    // Each secretary sees only their own members' requests.
    const seenA = ok<{ id: string; memberName: string; courseTitle: string }[]>(
      await get(w.secretaryA, `/api/admin/study/enrolments?courseId=${c.id}&status=pending`),
    );
    expect(seenA.map((e) => e.memberName)).toEqual(['李四']);
    const seenB = ok<{ id: string; memberName: string }[]>(
      await get(w.secretaryB, `/api/admin/study/enrolments?courseId=${c.id}`),
    );
    expect(seenB.map((e) => e.memberName)).toEqual(['孙一']);
    expect((await post(w.secretaryB, `/api/admin/study/enrolments/${seenA[0].id}/approve`)).status).toBe(404);
    expect((await post(w.secretaryA, `/api/admin/study/enrolments/${seenA[0].id}/reject`, {})).status).toBe(400);

    ok(await post(w.secretaryA, `/api/admin/study/enrolments/${seenA[0].id}/approve`));
    expect((await post(w.secretaryA, `/api/admin/study/enrolments/${seenA[0].id}/approve`)).status).toBe(409);
    ok(await get(w.lisi, `/api/mp/study/lessons/${lesson.id}`));
    const rejected = ok<{ status: string }>(
      await post(w.secretaryB, `/api/admin/study/enrolments/${seenB[0].id}/reject`, { reason: '名额已满' }),
    );
    expect(rejected.status).toBe('rejected');
    const sunHome = ok<StudyHomeVO>(await get(w.sunyi, '/api/mp/study/home'));
    expect(sunHome.electives.find((x) => x.id === c.id)).toMatchObject({ state: 'rejected', rejectReason: '名额已满' });
    expect((await get(w.sunyi, `/api/mp/study/lessons/${lesson.id}`)).status).toBe(403);
  });

  it('reorders lessons and refuses removing a published course’s lesson', async () => {
    const c = ok<StudyCourseVO>(
      await post(w.secretaryA, '/api/admin/study/courses', courseBody({ title: '排序' })),
      201,
    );
    const a = ok<StudyLessonVO>(await post(w.secretaryA, `/api/admin/study/courses/${c.id}/lessons`, article), 201);
    const b = ok<StudyLessonVO>(
      await post(w.secretaryA, `/api/admin/study/courses/${c.id}/lessons`, { ...article, title: '第二课' }),
      201,
    );
    expect(
      (await put(w.secretaryA, `/api/admin/study/courses/${c.id}/lesson-order`, { lessonIds: [b.id] })).status,
    ).toBe(400);
    ok(await put(w.secretaryA, `/api/admin/study/courses/${c.id}/lesson-order`, { lessonIds: [b.id, a.id] }));
    const detail = ok<StudyCourseDetailVO>(await get(w.secretaryA, `/api/admin/study/courses/${c.id}`));
    expect(detail.lessons.map((l) => l.title)).toEqual(['第二课', '第一课']);
    ok(await post(w.secretaryA, `/api/admin/study/courses/${c.id}/publish`));
    expect((await del(w.secretaryA, `/api/admin/study/courses/${c.id}/lessons/${a.id}`)).status).toBe(409);
    const mine = ok<MyLessonVO>(await get(w.lisi, `/api/mp/study/lessons/${b.id}`));
    expect([mine.prevLessonId, mine.nextLessonId]).toEqual([null, a.id]);
  });
});
