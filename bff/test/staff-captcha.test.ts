import { Readable } from 'stream';
import * as PImage from 'pureimage';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { InfraService } from '../src/core/infra/infra.service';
import { CaptchaService } from '../src/modules/staff/captcha.service';
import { CAPTCHA_HEIGHT, CAPTCHA_WIDTH, renderCaptchaPng } from '../src/modules/staff/captcha-image';

/**
 * The login captcha is a distorted raster (issue #11: svg-captcha's fixed glyph outlines were read by
 * a lookup table, 20 of 20). What must hold: a PNG, different for every challenge, the text nowhere
 * in the answer, and the same character drawn differently in two renders.
 */
const backend = currentBackend();
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const decode = (png: Buffer) => PImage.decodePNGFromStream(Readable.from([png]));

/** Share of pixels in the box [x0, x1) × all rows whose RGBA differs between two images. */
function differingShare(a: PImage.Bitmap, b: PImage.Bitmap, x0 = 0, x1 = CAPTCHA_WIDTH): number {
  let differing = 0;
  for (let y = 0; y < CAPTCHA_HEIGHT; y += 1) {
    for (let x = x0; x < x1; x += 1) if (a.getPixelRGBA(x, y) !== b.getPixelRGBA(x, y)) differing += 1;
  }
  return differing / ((x1 - x0) * CAPTCHA_HEIGHT);
}

describe(`login captcha image on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function challenge(): Promise<{ captchaId: string; png: Buffer; text: string; rest: string }> {
    const res = await t.http().get('/api/admin/auth/captcha');
    expect(res.status).toBe(200);
    const { captchaId, image, ...others } = res.body.data as { captchaId: string; image: string };
    expect(image).toMatch(/^data:image\/png;base64,/);
    const text = await (await t.get(InfraService)).infra.cache.get(`auth:captcha:${captchaId}`);
    if (!text) throw new Error('captcha text not in the cache');
    return {
      captchaId,
      png: Buffer.from(image.slice('data:image/png;base64,'.length), 'base64'),
      text,
      rest: JSON.stringify({ captchaId, others, headers: res.headers }),
    };
  }

  it('answers a PNG of the documented size, different for every challenge, without the text', async () => {
    const [first, second] = [await challenge(), await challenge()];
    for (const c of [first, second]) {
      expect(c.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      const bitmap = await decode(c.png);
      expect([bitmap.width, bitmap.height]).toEqual([CAPTCHA_WIDTH, CAPTCHA_HEIGHT]);
      // Neither the JSON nor the headers nor the PNG's own bytes (no text chunk) carry the answer.
      expect(c.rest.toLowerCase()).not.toContain(c.text);
      expect(c.png.includes(Buffer.from(c.text, 'latin1'))).toBe(false);
      expect(c.text).toMatch(/^[a-z2-9]{4}$/);
    }
    expect(first.captchaId).not.toBe(second.captchaId);
    expect(first.png.equals(second.png)).toBe(false);
  });

  it('draws the same character differently every time (no fixed glyph a lookup table could match)', async () => {
    const [a, b] = [await decode(await renderCaptchaPng('aaaa')), await decode(await renderCaptchaPng('aaaa'))];
    // The first glyph's slot: its pixels differ between two renders of the same text.
    expect(differingShare(a, b, 10, 45)).toBeGreaterThan(0.2);
    expect(differingShare(a, b)).toBeGreaterThan(0.2);
  });

  it('keeps the single-use, case-insensitive check', async () => {
    const captchas = await t.get(CaptchaService);
    const { captchaId } = await captchas.create();
    const text = await (await t.get(InfraService)).infra.cache.get(`auth:captcha:${captchaId}`);
    expect(await captchas.consume(captchaId, String(text).toUpperCase())).toBe(true);
    expect(await captchas.consume(captchaId, String(text))).toBe(false);
  });
});
