import { createHash } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { mpLogin, MpFixture } from './support/mp-fixtures';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import { fetchBinary } from './support/binary';
import { FileLinkService, FileService, StoredFile } from '../src/modules/file';
import type { Principal } from '../src/core/auth/principal';

const backend = currentBackend();

/** A structurally complete JPEG (markers, tables, one scan) carrying EXIF with a GPS position. */
function jpegWithExif(scanBytes = 32): Buffer {
  const seg = (marker: number, payload: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  };
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, Buffer.from('Exif\0\0GPSLatitude=30.2741N GPSLongitude=120.1551E', 'latin1')),
    seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.alloc(scanBytes, 0x5a),
    Buffer.from([0xff, 0xd9]),
  ]);
}

describe(`file upload and signed links on ${backend.name}`, () => {
  let t: TestApp;
  let uploadDir: string;
  let worker: MpFixture;
  let other: MpFixture;
  let staff: StaffWithAuth;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-uploads-'));
    t = await startTestApp(backend, { UPLOAD_DIR: uploadDir });
    const town = await createRegion(t, '青山镇', 'town');
    staff = await staffAs(t, { username: 'files.grid', roles: ['grid_worker'], region: town });
    worker = await mpLogin(t, 'files-worker');
    other = await mpLogin(t, 'files-other');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const upload = (
    auth: string,
    bytes: Buffer,
    filename = 'photo.jpg',
    contentType = 'image/jpeg',
    path = '/api/mp/files',
  ) => t.http().post(path).set('Authorization', auth).attach('file', bytes, { filename, contentType });
  const fetchUrl = (url: string) => fetchBinary(t, url);

  it('stores a JPEG without its EXIF and serves it through a signed link with private caching', async () => {
    const original = jpegWithExif();
    const res = await upload(worker.auth, original);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ mime: 'image/jpeg' });
    expect(res.body.data.sizeBytes).toBeLessThan(original.length);
    expect(res.body.data.url).toMatch(new RegExp(`^/api/files/${res.body.data.id}\\?exp=\\d+&sig=[\\w-]+$`));

    const served = await fetchUrl(res.body.data.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toBe('private, max-age=600');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    const bytes = served.body as Buffer;
    expect(bytes.length).toBe(res.body.data.sizeBytes);
    expect(bytes.includes('GPSLatitude')).toBe(false);
    expect(bytes.includes('Exif')).toBe(false);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

    const row = await (await dataSourceOf(t)).getRepository(StoredFile).findOneByOrFail({ id: res.body.data.id });
    expect(row).toMatchObject({ ownerKind: 'mp', ownerId: worker.id, scopePath: null, sizeBytes: bytes.length });
    expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('decides the type by the bytes: an SVG or text sent as image/png is refused with 415', async () => {
    const svg = await upload(
      worker.auth,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'x.png',
      'image/png',
    );
    expect(svg.status).toBe(415);
    expect(svg.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const gif = await upload(worker.auth, Buffer.from('GIF89a\x01\0\x01\0\0\0\0;', 'latin1'), 'x.jpg');
    expect(gif.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses an image whose declared canvas exceeds 16384 px a side or 40 MP with 413 IMAGE_TOO_LARGE', async () => {
    /** A tiny PNG that declares width × height (a decoder would allocate width × height × 4 bytes). */
    const png = (width: number, height: number) => {
      const chunk = (type: string, data: Buffer) => {
        const head = Buffer.alloc(8);
        head.writeUInt32BE(data.length, 0);
        head.write(type, 4, 'latin1');
        return Buffer.concat([head, data, Buffer.alloc(4)]);
      };
      const ihdr = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0]);
      ihdr.writeUInt32BE(width, 0);
      ihdr.writeUInt32BE(height, 4);
      return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', ihdr),
        chunk('IDAT', Buffer.alloc(64)),
        chunk('IEND', Buffer.alloc(0)),
      ]);
    };
    const bomb = await upload(worker.auth, png(30000, 30000), 'bomb.png', 'image/png');
    expect(bomb.status).toBe(413);
    expect(bomb.body.error).toMatchObject({ code: 'IMAGE_TOO_LARGE', message: expect.stringContaining('30000×30000') });
    expect((await upload(worker.auth, png(8000, 5001), 'wide.png', 'image/png')).body.error?.code).toBe(
      'IMAGE_TOO_LARGE',
    );
    expect((await upload(worker.auth, png(16385, 16), 'strip.png', 'image/png')).body.error?.code).toBe(
      'IMAGE_TOO_LARGE',
    );
    const fine = await upload(worker.auth, png(8000, 5000), 'ok.png', 'image/png');
    expect(fine.status).toBe(201);
    expect(fine.body.data).toMatchObject({ mime: 'image/png' });
    // Nothing of the refused uploads was stored.
    const stored = await (
      await dataSourceOf(t)
    )
      .getRepository(StoredFile)
      .countBy({ ownerId: worker.id, mime: 'image/png' });
    expect(stored).toBe(1);
  });

  it('accepts exactly 5 MB and refuses one byte more with 413', async () => {
    const fiveMb = 5 * 1024 * 1024;
    const atLimit = jpegWithExif(0);
    const exact = jpegWithExif(fiveMb - atLimit.length);
    expect(exact.length).toBe(fiveMb);
    // The EXIF segment is removed after the size check: the limit is on what the client sends.
    expect((await upload(worker.auth, exact)).status).toBe(201);
    const over = await upload(worker.auth, jpegWithExif(fiveMb - atLimit.length + 1));
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a request without the file field with 400 and a JSON body with 415', async () => {
    const empty = await t.http().post('/api/mp/files').set('Authorization', worker.auth).field('other', 'x');
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([{ field: 'file', message: '请选择要上传的图片' }]);
    const json = await t.http().post('/api/mp/files').set('Authorization', worker.auth).send({ file: 'x' });
    expect(json.status).toBe(415);
  });

  it('lets staff with person:read upload through the admin route, and nobody without a token', async () => {
    const res = await upload(staff.auth, jpegWithExif(), 'a.jpg', 'image/jpeg', '/api/admin/files');
    expect(res.status).toBe(201);
    const noPermission = await staffAs(t, { username: 'files.nobody', roles: [], region: null });
    expect((await upload(noPermission.auth, jpegWithExif(), 'a.jpg', 'image/jpeg', '/api/admin/files')).status).toBe(
      403,
    );
    expect((await t.http().post('/api/mp/files').attach('file', jpegWithExif(), 'a.jpg')).status).toBe(401);
    // A staff token on the mini-program route (and vice versa) is refused.
    expect((await upload(staff.auth, jpegWithExif())).status).toBe(403);
  });

  it('refuses tampered, expired and over-long links with 403 FILE_LINK_EXPIRED', async () => {
    const res = await upload(worker.auth, jpegWithExif());
    const { id, url } = res.body.data as { id: string; url: string };
    const links = await t.get(FileLinkService);
    const sig = new URL(url, 'http://x').searchParams.get('sig') as string;
    const exp = new URL(url, 'http://x').searchParams.get('exp') as string;
    const tampered = `/api/files/${id}?exp=${Number(exp) + 60}&sig=${sig}`;
    const otherId = `/api/files/${(await upload(other.auth, jpegWithExif())).body.data.id}?exp=${exp}&sig=${sig}`;
    const expired = links.url(id, new Date(Date.now() - 11 * 60_000));
    // Signed correctly, but for an expiry far beyond the 10-minute lifetime.
    const tooLong = links.url(id, new Date(Date.now() + 3600_000));
    for (const bad of [tampered, otherId, expired, tooLong, `/api/files/${id}`]) {
      const answer = await t.http().get(bad);
      expect([bad, answer.status, answer.body.error?.code]).toEqual([bad, 403, 'FILE_LINK_EXPIRED']);
    }
    expect((await t.http().get(links.url(id, new Date(Date.now() - 9 * 60_000)))).status).toBe(200);
  });

  it('attaches only the uploader’s own unattached files', async () => {
    const mine = (await upload(worker.auth, jpegWithExif())).body.data.id as string;
    const theirs = (await upload(other.auth, jpegWithExif())).body.data.id as string;
    const files = await t.get(FileService);
    const ds = await dataSourceOf(t);
    const as = (fixture: MpFixture): Principal => ({ kind: 'mp', id: fixture.id, roles: ['grid_worker'] });
    await expect(ds.transaction((m) => files.attach(m, [mine, theirs], as(worker), '/a/'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    // All or nothing: the refused attach left the own file unattached too.
    expect((await ds.getRepository(StoredFile).findOneByOrFail({ id: mine })).scopePath).toBeNull();
    await ds.transaction((m) => files.attach(m, [mine], as(worker), '/a/'));
    expect((await ds.getRepository(StoredFile).findOneByOrFail({ id: mine })).scopePath).toBe('/a/');
    // Already attached: cannot be moved to another record or scope.
    await expect(ds.transaction((m) => files.attach(m, [mine], as(worker), '/b/'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(ds.transaction((m) => files.attach(m, [theirs], as(worker), '/a/'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
