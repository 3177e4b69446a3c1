import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { mpLogin, MpFixture } from './support/mp-fixtures';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import { partyStaff } from './support/party-fixtures';
import { fetchBinary } from './support/binary';
import { FileService, StoredFile } from '../src/modules/file';
import type { Principal } from '../src/core/auth/principal';

const backend = currentBackend();
type Who = { id: string; auth: string };

/** A minimal well-formed PDF, padded to `size` bytes inside a comment before the trailer. */
function pdf(size = 0): Buffer {
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n';
  const tail = 'trailer << /Root 1 0 R >>\n%%EOF\n';
  const pad = Math.max(0, size - head.length - tail.length - 2);
  return Buffer.from(`${head}%${'x'.repeat(pad)}\n${tail}`, 'latin1');
}

/** Smallest valid PNG header bytes (sniffed as PNG; the image itself is not decoded). */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe(`PDF documents in the file service on ${backend.name}`, () => {
  let t: TestApp;
  let uploadDir: string;
  let worker: MpFixture;
  let grid: StaffWithAuth;
  let secretary: Who;

  jest.setTimeout(120_000);

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-pdf-'));
    // The smallest allowed PDF limit keeps the oversize case cheap.
    t = await startTestApp(backend, { UPLOAD_DIR: uploadDir, PDF_MAX_BYTES: String(1024 * 1024) });
    const town = await createRegion(t, '青山镇', 'town');
    grid = await staffAs(t, { username: 'pdf.grid', roles: ['grid_worker'], region: town });
    secretary = await partyStaff(t, 'pdf.party', town);
    worker = await mpLogin(t, 'pdf-worker');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const send = (path: string, auth: string, bytes: Buffer, filename = '通知.pdf', contentType = 'application/pdf') =>
    t.http().post(path).set('Authorization', auth).attach('file', bytes, { filename, contentType });
  const documentUpload = (bytes: Buffer, filename?: string, contentType?: string) =>
    send('/api/admin/party/files?kind=document', secretary.auth, bytes, filename, contentType);
  const fetchUrl = (url: string) => fetchBinary(t, url);

  it('refuses a PDF on every photo route (case photos, staff photos, party photos) with 415', async () => {
    for (const [path, auth] of [
      ['/api/mp/files', worker.auth],
      ['/api/admin/files', grid.auth],
      ['/api/admin/party/files', secretary.auth],
    ] as const) {
      const res = await send(path, auth, pdf());
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 415,
        code: 'FILE_TYPE_NOT_ALLOWED',
      });
    }
    expect((await t.http().post('/api/admin/party/files?kind=photo').set('Authorization', secretary.auth)).status).toBe(
      400,
    );
  });

  it('accepts a PDF for the document cabinet, stores it byte for byte and serves it as a sandboxed download', async () => {
    const original = pdf(4096);
    const res = await documentUpload(original);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ mime: 'application/pdf', sizeBytes: original.length });
    const served = await fetchUrl(res.body.data.url);
    expect(served.status).toBe(200);
    expect(Buffer.compare(served.body as Buffer, original)).toBe(0);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe('sandbox');
    const id8 = (res.body.data.id as string).replace(/-/g, '').slice(0, 8);
    expect(served.headers['content-disposition']).toBe(
      `attachment; filename="document-${id8}.pdf"; filename*=UTF-8''${encodeURIComponent('文件-')}${id8}.pdf`,
    );
    // Images keep their inline serving, also when uploaded through the document entry.
    const image = await documentUpload(png, 'scan.png', 'image/png');
    expect(image.status).toBe(201);
    const shown = await fetchUrl(image.body.data.url);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(shown.headers['content-disposition']).toBeUndefined();
    expect(shown.headers['content-security-policy']).not.toBe('sandbox');
  });

  it('refuses a fake PDF (right name and type, wrong bytes) and a truncated one', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>\n%%EOF\n');
    for (const bytes of [html, pdf(2048).subarray(0, 1500)]) {
      const res = await documentUpload(bytes);
      expect(res.status).toBe(415);
      expect(res.body.error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
      expect(JSON.stringify(res.body)).toContain('只支持 PDF 文件或 JPG、PNG、WebP 图片');
    }
    expect(await (await dataSourceOf(t)).getRepository(StoredFile).countBy({ mime: 'text/html' })).toBe(0);
  });

  it('refuses a PDF over PDF_MAX_BYTES with 413 and a Chinese message, and accepts one at the limit', async () => {
    const limit = 1024 * 1024;
    expect((await documentUpload(pdf(limit))).status).toBe(201);
    const over = await documentUpload(pdf(limit + 1));
    expect(over.status).toBe(413);
    expect(JSON.stringify(over.body)).toMatch(/不能超过 1 MB/);
  });

  it('never attaches a PDF where photos are expected, whatever entry it was uploaded through', async () => {
    const id = (await documentUpload(pdf())).body.data.id as string;
    const files = await t.get(FileService);
    const ds = await dataSourceOf(t);
    const owner: Principal = { kind: 'staff', id: secretary.id, roles: [] };
    await expect(ds.transaction((m) => files.attach(m, [id], owner, 'party:/a/'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await ds.getRepository(StoredFile).findOneByOrFail({ id })).scopePath).toBeNull();
    await ds.transaction((m) => files.attach(m, [id], owner, 'party:/a/', 'documents'));
    expect((await ds.getRepository(StoredFile).findOneByOrFail({ id })).scopePath).toBe('party:/a/');
  });
});
