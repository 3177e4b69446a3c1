import { sniffImage } from './image-format';
import { MalformedImageError, stripJpegMetadata, stripPngMetadata, stripWebpMetadata } from './image-metadata';

const seg = (marker: number, payload: Buffer | string) => {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'latin1');
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};
const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
const app0 = seg(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0');
const exif = seg(0xe1, 'Exif\0\0GPSLatitude=30.27N;Make=PhoneCo');
const xmp = seg(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>secret</x:xmpmeta>');
const icc = seg(0xe2, 'ICC_PROFILE\0\x01\x01profile');
const iptc = seg(0xed, 'Photoshop 3.0\0IPTC caption');
const comment = seg(0xfe, 'shot at home of resident');
const dqt = seg(0xdb, Buffer.alloc(65, 1));
const sof = seg(0xc0, Buffer.from([8, 0, 4, 0, 4, 1, 1, 0x11, 0]));
const sos = seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]));
// Entropy-coded data with a stuffed FF00, a restart marker and fill bytes: all must survive.
const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff, 0xd1, 0x78]);

describe('JPEG metadata filter', () => {
  it('drops APP1 (EXIF, XMP), IPTC and comments and keeps the image segments byte for byte', () => {
    const input = Buffer.concat([SOI, app0, exif, xmp, icc, iptc, comment, dqt, sof, sos, scan, EOI]);
    const out = stripJpegMetadata(input);
    expect(out).toEqual(Buffer.concat([SOI, app0, icc, dqt, sof, sos, scan, EOI]));
    for (const secret of ['Exif', 'GPSLatitude', 'xmpmeta', 'IPTC', 'resident'])
      expect(out.includes(secret)).toBe(false);
    expect(sniffImage(out)).toBe('image/jpeg');
  });

  it('handles progressive files (tables and scans after the first scan) and drops data after EOI', () => {
    const dht = seg(0xc4, Buffer.alloc(20, 2));
    const trailer = Buffer.from('MOTION_PHOTO_DATA Exif GPS', 'latin1');
    const input = Buffer.concat([SOI, exif, dqt, sof, sos, scan, dht, sos, scan, EOI, trailer]);
    expect(stripJpegMetadata(input)).toEqual(Buffer.concat([SOI, dqt, sof, sos, scan, dht, sos, scan, EOI]));
  });

  it('refuses a truncated file instead of passing it through unfiltered', () => {
    const whole = Buffer.concat([SOI, app0, exif, dqt, sof, sos, scan, EOI]);
    expect(() => stripJpegMetadata(whole.subarray(0, SOI.length + app0.length + 10))).toThrow(MalformedImageError);
    expect(() => stripJpegMetadata(Buffer.concat([SOI, dqt, sof, sos, scan]))).toThrow(MalformedImageError);
  });
});

const chunk = (type: string, data: string) => {
  const body = Buffer.from(data, 'latin1');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  // CRCs are not checked by the filter; kept chunks are copied as they are.
  return Buffer.concat([head, body, Buffer.from([1, 2, 3, 4])]);
};
const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('PNG metadata filter', () => {
  it('drops text, EXIF and time chunks and anything after IEND', () => {
    const ihdr = chunk('IHDR', '\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0');
    const idat = chunk('IDAT', 'pixels');
    const iend = chunk('IEND', '');
    const input = Buffer.concat([
      PNG_SIG,
      ihdr,
      chunk('tEXt', 'Author\0someone'),
      chunk('eXIf', 'MM\0*GPS'),
      idat,
      chunk('iTXt', 'XML:com.adobe.xmp'),
      iend,
      Buffer.from('junk'),
    ]);
    expect(stripPngMetadata(input)).toEqual(Buffer.concat([PNG_SIG, ihdr, idat, iend]));
  });
});

const riffChunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
};
const riff = (chunks: Buffer[]) => {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
};

describe('WebP metadata filter', () => {
  it('drops EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size', () => {
    const vp8x = (flags: number) => riffChunk('VP8X', Buffer.from([flags, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const vp8l = riffChunk('VP8L', Buffer.from('pixel data', 'latin1'));
    const input = riff([
      vp8x(0x08 | 0x04 | 0x10),
      vp8l,
      riffChunk('EXIF', Buffer.from('MM\0*GPS', 'latin1')),
      riffChunk('XMP ', Buffer.from('<x/>', 'latin1')),
    ]);
    const out = stripWebpMetadata(input);
    expect(out).toEqual(riff([vp8x(0x10), vp8l]));
    expect(sniffImage(out)).toBe('image/webp');
  });
});

describe('image type sniffing', () => {
  it('goes by the bytes: text named .png is not an image', () => {
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(Buffer.from('GIF89a\x01\0\x01\0'))).toBeNull();
    expect(sniffImage(Buffer.concat([PNG_SIG, Buffer.alloc(8)]))).toBe('image/png');
  });
});
