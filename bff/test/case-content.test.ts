import { randomUUID } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown } from './support/case-fixtures';
import { CaseContentCheck, CaseEvent, CaseIntakeService, CaseRecord } from '../src/modules/case';
import { ContentSecurityService, RISKY_IMAGE_REASON } from '../src/modules/case/content';
import type { TextVerdict } from '../src/modules/case/content';
import { FileService } from '../src/modules/file';
import { MpUser } from '../src/modules/mp-user/mp-user.entity';
import type { Principal } from '../src/core/auth/principal';
import type { MpFixture } from './support/mp-fixtures';

const backend = currentBackend();

/** A structurally complete JPEG whose (entropy-coded) scan carries `scan`: it survives metadata stripping. */
function jpeg(scan: string): Buffer {
  const seg = (marker: number, payload: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  };
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from(`${scan}-${randomUUID()}`, 'latin1'),
    Buffer.from([0xff, 0xd9]),
  ]);
}

describe(`content security of resident reports on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let content: ContentSecurityService;
  let uploadDir: string;
  let resident: MpFixture & { nickname: string };
  let openid: string;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-content-'));
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', UPLOAD_DIR: uploadDir });
    town = await setupCaseTown(t);
    content = await t.get(ContentSecurityService);
    resident = town.mp.residentA;
    openid = (await town.ds.getRepository(MpUser).findOneByOrFail({ id: resident.id })).openid;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const principal = (): Principal => ({ kind: 'mp', id: resident.id, roles: ['resident'] });
  const simPost = (path: string, body: object) =>
    fetch(`${t.sim.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const statusOf = async (id: string) => (await town.ds.getRepository(CaseRecord).findOneByOrFail({ id })).status;
  const checksOf = (caseId: string) =>
    town.ds.getRepository(CaseContentCheck).find({ where: { caseId }, order: { fileId: 'ASC' } });

  /** Uploads photos, files a held case with them and starts the checks, as the resident API does. */
  async function report(
    scans: string[],
    text: TextVerdict = { suggest: 'pass', traceId: 'text-trace' },
  ): Promise<CaseRecord> {
    const files = await t.get(FileService);
    const photoIds: string[] = [];
    for (const scan of scans) photoIds.push((await files.upload(principal(), jpeg(scan))).id);
    const { record } = await (
      await t.get(CaseIntakeService)
    ).submit({
      source: 'mp',
      reporter: { kind: 'mp', id: resident.id, name: resident.nickname },
      idempotencyKey: randomUUID(),
      categoryCode: 'road',
      description: '路面有一个大坑，车辆经过很危险',
      photoIds,
      location: { lng: town.points.A1[0], lat: town.points.A1[1] },
      address: '幸福村村口',
      anonymous: false,
      contactPhone: null,
      hold: true,
      fileOwner: principal(),
    });
    expect(record.status).toBe('pending_review');
    await content.startChecks(record.id, {
      openid,
      text: { ...text, traceId: text.traceId ? `${text.traceId}-${randomUUID()}` : null },
      fileIds: photoIds,
    });
    await t.sim.idle();
    return record;
  }

  describe('text', () => {
    it('passes ordinary text and hands back WeChat’s trace id', async () => {
      expect(await content.checkText(openid, '村口路灯坏了')).toEqual({
        suggest: 'pass',
        traceId: expect.stringMatching(/^[0-9a-f-]{26}$/),
      });
    });

    it('holds text WeChat wants reviewed', async () => {
      expect(await content.checkText(openid, '【测试复核】村口')).toMatchObject({ suggest: 'review' });
    });

    it('refuses risky text with CONTENT_RISKY', async () => {
      await expect(content.checkText(openid, '【测试违规】')).rejects.toMatchObject({
        code: 'CONTENT_RISKY',
        status: 400,
      });
    });

    it('holds the report for a human when WeChat is down, never loses it', async () => {
      await simPost('/__dev/outage', { down: true });
      try {
        expect(await content.checkText(openid, '【测试违规】')).toEqual({ suggest: 'review', traceId: null });
      } finally {
        await simPost('/__dev/outage', { down: false });
      }
    });
  });

  describe('photos', () => {
    it('approves the case (system) once text and every photo passed', async () => {
      const record = await report(['plain-1', 'plain-2']);
      expect(await statusOf(record.id)).toBe('submitted');
      const checks = await checksOf(record.id);
      expect(checks).toHaveLength(3);
      expect(checks.every((c) => c.status === 'pass')).toBe(true);
      expect(checks.filter((c) => c.fileId !== 'text').every((c) => /^[0-9a-f]{8}-/.test(c.traceId))).toBe(true);
      const approve = await town.ds.getRepository(CaseEvent).findOneByOrFail({ caseId: record.id, type: 'approve' });
      expect(approve).toMatchObject({ actorKind: 'system' });
    });

    it('rejects the case (system) when a photo is risky', async () => {
      const record = await report(['plain', 'ZHILI-SIM-RISKY']);
      expect(await statusOf(record.id)).toBe('rejected');
      const reject = await town.ds.getRepository(CaseEvent).findOneByOrFail({ caseId: record.id, type: 'reject' });
      expect(JSON.stringify(reject)).toContain(RISKY_IMAGE_REASON);
      expect((await checksOf(record.id)).map((c) => c.status).sort()).toEqual(['pass', 'pass', 'risky']);
    });

    it('keeps the case pending_review when a photo needs review, or the text did', async () => {
      const photo = await report(['ZHILI-SIM-REVIEW']);
      expect(await statusOf(photo.id)).toBe('pending_review');
      const text = await report(['plain'], { suggest: 'review', traceId: null });
      expect(await statusOf(text.id)).toBe('pending_review');
      const textRow = (await checksOf(text.id)).find((c) => c.fileId === 'text');
      expect(textRow).toMatchObject({ status: 'review', traceId: expect.stringMatching(/^local-/) });
    });

    it('applies a verdict registered for the file’s sha256', async () => {
      const files = await t.get(FileService);
      const file = await files.upload(principal(), jpeg('registered'));
      const { sha256 } = file;
      await simPost('/__dev/media-verdict', { sha256, suggest: 'risky' });
      const { record } = await (
        await t.get(CaseIntakeService)
      ).submit({
        source: 'mp',
        reporter: { kind: 'mp', id: resident.id, name: resident.nickname },
        idempotencyKey: randomUUID(),
        categoryCode: 'road',
        description: '登记过的图片',
        photoIds: [file.id],
        location: { lng: town.points.A1[0], lat: town.points.A1[1] },
        address: null,
        anonymous: false,
        contactPhone: null,
        hold: true,
        fileOwner: principal(),
      });
      await content.startChecks(record.id, { openid, text: { suggest: 'pass', traceId: null }, fileIds: [file.id] });
      await t.sim.idle();
      expect(await statusOf(record.id)).toBe('rejected');
    });

    it('holds a photo for review when WeChat refuses to start its check', async () => {
      await simPost('/__dev/faults', { path: '/wxa/media_check_async', errcode: -1, times: 1 });
      const record = await report(['plain']);
      expect(await statusOf(record.id)).toBe('pending_review');
      expect((await checksOf(record.id)).find((c) => c.fileId !== 'text')?.status).toBe('review');
    });

    it('approves at once when nothing is pending or under review', async () => {
      const record = await report([]);
      expect(await statusOf(record.id)).toBe('submitted');
    });

    it('treats repeated or late verdicts idempotently and unknown traces as not ours', async () => {
      const record = await report(['plain']);
      const photo = (await checksOf(record.id)).find((c) => c.fileId !== 'text') as CaseContentCheck;
      expect(await content.onMediaResult(photo.traceId, 'risky', '20002')).toBe(true);
      expect(await statusOf(record.id)).toBe('submitted');
      expect((await checksOf(record.id)).find((c) => c.id === photo.id)?.status).toBe('pass');
      expect(await content.onMediaResult('no-such-trace', 'pass', '100')).toBe(false);
    });
  });

  describe('through the resident API', () => {
    it('holds a report with a risky photo, then the system rejects it', async () => {
      const upload = await t
        .http()
        .post('/api/mp/files')
        .set('Authorization', resident.auth)
        .attach('file', jpeg('ZHILI-SIM-RISKY'), { filename: 'a.jpg', contentType: 'image/jpeg' });
      expect(upload.status).toBe(201);
      const res = await t
        .http()
        .post('/api/mp/cases')
        .set('Authorization', resident.auth)
        .send({
          idempotencyKey: randomUUID(),
          categoryCode: 'road',
          description: '村口路面塌陷',
          photoIds: [upload.body.data.id],
          location: { lng: town.points.A1[0], lat: town.points.A1[1] },
          address: '幸福村村口',
          anonymous: false,
        });
      expect(res.status).toBe(201);
      expect(res.body.data.status).toBe('pending_review');
      await t.sim.idle();
      expect(await statusOf(res.body.data.id)).toBe('rejected');
    });
  });
});
