import { readFileSync } from 'fs';
import { join } from 'path';
import { decode } from 'jpeg-js';
import { sniffImage } from './image-format';
import { stripJpegMetadata } from './image-metadata';

/**
 * The JPEG filter on a file built by other tools (jpeg-js pixels, ExifTool metadata: see fixtures/README.md)
 * and checked by another decoder, so neither the input nor the verdict comes from code that mirrors the filter.
 */
const photo = readFileSync(join(__dirname, 'fixtures/phone-photo-exif-gps.jpg'));
const has = (buf: Buffer, text: string) => buf.includes(Buffer.from(text, 'utf8'));
/** SOI markers: the photo's own plus one per embedded thumbnail. */
const countSoi = (buf: Buffer) => {
  let n = 0;
  for (let i = buf.indexOf(Buffer.from([0xff, 0xd8])); i >= 0; i = buf.indexOf(Buffer.from([0xff, 0xd8]), i + 1))
    n += 1;
  return n;
};

describe('JPEG metadata filter on a phone-like photo', () => {
  it('starts from a file that does carry GPS, camera, XMP, IPTC, a comment and a thumbnail', () => {
    expect(has(photo, 'Exif\0\0')).toBe(true);
    expect(has(photo, 'Redmi Note 12')).toBe(true);
    expect(has(photo, 'http://ns.adobe.com/xap/1.0/')).toBe(true);
    expect(has(photo, 'Photoshop 3.0')).toBe(true);
    expect(has(photo, 'shot at home of resident')).toBe(true);
    expect(countSoi(photo)).toBeGreaterThanOrEqual(2);
  });

  it('removes every piece of it and keeps pixels a separate decoder reads identically', () => {
    const out = stripJpegMetadata(photo);
    for (const secret of ['Exif', 'Redmi', 'Xiaomi', 'GPS', 'xap/1.0', '张三', 'Photoshop', 'resident', '2026:03:14']) {
      expect([secret, has(out, secret)]).toEqual([secret, false]);
    }
    // The embedded thumbnail (a JPEG of its own inside EXIF) went with it.
    expect(countSoi(out)).toBe(1);
    expect(out.length).toBeLessThan(photo.length);
    expect(sniffImage(out)).toBe('image/jpeg');

    const before = decode(photo, { useTArray: true });
    const after = decode(out, { useTArray: true });
    expect([after.width, after.height]).toEqual([64, 48]);
    expect(Buffer.from(after.data).equals(Buffer.from(before.data))).toBe(true);
  });
});
