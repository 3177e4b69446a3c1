import { randomUUID } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { MpCaseDetailVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { devPhoneCode, mpLogin } from './support/mp-fixtures';
import { CaseTown, setupCaseTown } from './support/case-fixtures';
import { CaseCategory, CaseRecord } from '../src/modules/case';
import { PiiCipher } from '../src/core/crypto/pii-cipher';

const backend = currentBackend();
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 0xff, 0xda, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xff, 0xd9,
]);

describe(`resident case submission (POST /api/mp/cases) on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let uploadDir: string;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-mpcase-'));
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', UPLOAD_DIR: uploadDir });
    town = await setupCaseTown(t);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const body = (extra: Record<string, unknown> = {}) => ({
    idempotencyKey: randomUUID(),
    categoryCode: 'road',
    description: '村口路面塌陷，有一个大坑',
    photoIds: [],
    location: { lng: town.points.A2[0], lat: town.points.A2[1] },
    address: '幸福村村口',
    anonymous: false,
    ...extra,
  });
  const submit = (who: { auth: string }, payload: object) =>
    t.http().post('/api/mp/cases').set('Authorization', who.auth).send(payload);
  const rowsOf = (reporterId: string) => town.ds.getRepository(CaseRecord).countBy({ reporterId });
  const textChecks = () => t.simRequests.filter((r) => r.path === '/wxa/msg_sec_check').length;

  it('files the case in the grid of its location with the category deadlines (201)', async () => {
    const res = await submit(town.mp.residentA, body());
    expect(res.status).toBe(201);
    const vo = res.body.data as MpCaseDetailVO;
    expect(vo).toMatchObject({
      status: 'submitted',
      categoryName: '道路破损',
      categoryIcon: 'road',
      following: false,
      rated: false,
      canRate: false,
      canDispute: false,
    });
    expect(vo.location).toEqual(town.points.A2);
    expect(vo.events.map((e) => e.type)).toEqual(['created']);
    const row = await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: vo.id });
    expect(row.regionId).toBe(town.gridA2.id);
    expect(row.scopePath).toBe(town.gridA2.path);
    expect(row.source).toBe('mp');
    expect(row.department).toBe('城建办');
    expect(row.dueAt).not.toBeNull();
    expect(row.acceptDueAt).not.toBeNull();
    expect(+new Date(row.dueAt as Date)).toBeGreaterThan(+new Date(row.acceptDueAt as Date));
  });

  it('answers a resend of the same draft with the same case (200), without a second check', async () => {
    const payload = body();
    const first = await submit(town.mp.residentA, payload);
    expect(first.status).toBe(201);
    const checks = textChecks();
    expect(checks).toBeGreaterThan(0);
    const again = await submit(town.mp.residentA, payload);
    expect(again.status).toBe(200);
    expect(again.body.data.id).toBe(first.body.data.id);
    expect(textChecks()).toBe(checks);
    expect(await town.ds.getRepository(CaseRecord).countBy({ idempotencyKey: payload.idempotencyKey })).toBe(1);
  });

  it('makes one case of two concurrent submissions of one draft', async () => {
    const payload = body();
    const answers = await Promise.all([submit(town.mp.residentA, payload), submit(town.mp.residentA, payload)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0].body.data.id).toBe(answers[1].body.data.id);
    expect(await town.ds.getRepository(CaseRecord).countBy({ idempotencyKey: payload.idempotencyKey })).toBe(1);
  });

  it('refuses a location outside the town and an unknown or inactive category (400)', async () => {
    const before = await rowsOf(town.mp.residentB.id);
    const outside = await submit(
      town.mp.residentB,
      body({ location: { lng: town.points.outside[0], lat: town.points.outside[1] } }),
    );
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe('CASE_LOCATION_OUTSIDE');
    const unknown = await submit(town.mp.residentB, body({ categoryCode: 'no_such_thing' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('CASE_CATEGORY_INVALID');
    const categories = town.ds.getRepository(CaseCategory);
    await categories.update({ code: 'noise' }, { active: false });
    try {
      const inactive = await submit(town.mp.residentB, body({ categoryCode: 'noise' }));
      expect(inactive.body.error.code).toBe('CASE_CATEGORY_INVALID');
    } finally {
      await categories.update({ code: 'noise' }, { active: true });
    }
    expect(await rowsOf(town.mp.residentB.id)).toBe(before);
  });

  it('validates the body with Chinese messages', async () => {
    const detail = async (payload: object) => {
      const res = await submit(town.mp.residentB, payload);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      return res.body.error.details[0] as { field: string; message: string };
    };
    expect(await detail(body({ description: '坑' }))).toEqual({ field: 'description', message: '问题描述至少 5 个字' });
    expect(await detail(body({ location: undefined }))).toEqual({ field: 'location', message: '请选择问题位置' });
    expect(await detail(body({ photoIds: Array.from({ length: 10 }, () => randomUUID()) }))).toEqual({
      field: 'photoIds',
      message: '照片最多 9 张',
    });
    expect(await detail(body({ contactPhone: '12345' }))).toEqual({
      field: 'contactPhone',
      message: '联系电话应为 11 位手机号',
    });
    expect(await detail(body({ idempotencyKey: 'x' }))).toEqual({ field: 'idempotencyKey', message: '提交标识无效' });
  });

  it('refuses risky text with CONTENT_RISKY and stores nothing', async () => {
    const before = await rowsOf(town.mp.residentB.id);
    const res = await submit(town.mp.residentB, body({ description: '这里有【测试违规】内容需要处理' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('CONTENT_RISKY');
    expect(await rowsOf(town.mp.residentB.id)).toBe(before);
  });

  it('holds text that needs a human look in pending_review', async () => {
    const res = await submit(town.mp.residentB, body({ description: '这里有【测试复核】内容需要处理' }));
    expect(res.status).toBe(201);
    expect(res.body.data.status).toBe('pending_review');
  });

  it('holds a report with photos until they are checked, and takes only the caller’s own photos', async () => {
    const upload = async (who: { auth: string }) =>
      (
        await t
          .http()
          .post('/api/mp/files')
          .set('Authorization', who.auth)
          .attach('file', jpeg, { filename: 'a.jpg', contentType: 'image/jpeg' })
      ).body.data.id as string;
    const mine = await upload(town.mp.residentA);
    const res = await submit(town.mp.residentA, body({ photoIds: [mine] }));
    expect(res.status).toBe(201);
    expect(res.body.data.status).toBe('pending_review');
    expect(res.body.data.photos.map((p: { id: string }) => p.id)).toEqual([mine]);
    expect(res.body.data.thumbUrl).toEqual(expect.any(String));

    const others = await upload(town.mp.residentA);
    const before = await rowsOf(town.mp.residentB.id);
    const stolen = await submit(town.mp.residentB, body({ photoIds: [others] }));
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.details[0].field).toBe('photoIds');
    expect(await rowsOf(town.mp.residentB.id)).toBe(before);
  });

  it('uses the bound phone as contact unless another is given', async () => {
    const user = await mpLogin(t, `phone-${randomUUID().slice(0, 6)}`, '王阿姨');
    expect(
      (
        await t
          .http()
          .post('/api/mp/me/phone')
          .set('Authorization', user.auth)
          .send({ code: await devPhoneCode(t.sim, '13912345678') })
      ).status,
    ).toBe(200);
    const cipher = await t.get(PiiCipher);
    const bound = await submit(user, body());
    const given = await submit(user, body({ contactPhone: '13700001111' }));
    const repo = town.ds.getRepository(CaseRecord);
    expect(cipher.open((await repo.findOneByOrFail({ id: bound.body.data.id })).contactPhone)).toBe('13912345678');
    expect(cipher.open((await repo.findOneByOrFail({ id: given.body.data.id })).contactPhone)).toBe('13700001111');
  });

  it('limits submissions to 20 an hour per resident (429)', async () => {
    const user = await mpLogin(t, `flood-${randomUUID().slice(0, 6)}`);
    for (let i = 0; i < 20; i += 1) expect((await submit(user, {})).status).toBe(400);
    const limited = await submit(user, body());
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });

  it('is for mini-program users only', async () => {
    expect((await submit({ auth: '' }, body())).status).toBe(401);
    expect((await submit(town.staff.town, body())).status).toBe(403);
  });
});
