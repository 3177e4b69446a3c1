import { IMAGE_LIMITS, imageSize, withinPixelLimits } from './image-dimensions';
import { MalformedImageError } from './image-metadata';

const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A PNG header: signature + IHDR declaring width × height (CRC not checked). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr[16] = 8;
  ihdr[17] = 2;
  return Buffer.concat([PNG_SIG, ihdr]);
}
const seg = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};
/** A JPEG with an EXIF segment, DHT, a frame header of `marker` and one scan. */
function jpeg(width: number, height: number, marker = 0xc0): Buffer {
  const sof = Buffer.from([8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe1, Buffer.from('Exif\0\0x', 'latin1')),
    seg(0xc4, Buffer.alloc(20, 0xff)), // DHT sits in the SOF range and must not be read as a frame
    seg(marker, sof),
    seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0xd9]),
  ]);
}
const riff = (type: string, payload: Buffer) => {
  const chunk = Buffer.alloc(8);
  chunk.write(type, 0, 'latin1');
  chunk.writeUInt32LE(payload.length, 4);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(payload.length + 12, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, chunk, payload]);
};

describe('declared image size', () => {
  it('reads PNG IHDR, JPEG SOF0/SOF2 (skipping DHT) and the three WebP flavours', () => {
    expect(imageSize('image/png', pngHeader(30000, 30000))).toEqual({ width: 30000, height: 30000 });
    expect(imageSize('image/jpeg', jpeg(4032, 3024))).toEqual({ width: 4032, height: 3024 });
    expect(imageSize('image/jpeg', jpeg(640, 480, 0xc2))).toEqual({ width: 640, height: 480 });

    const vp8x = Buffer.alloc(10);
    vp8x.writeUIntLE(20000 - 1, 4, 3);
    vp8x.writeUIntLE(3000 - 1, 7, 3);
    expect(imageSize('image/webp', riff('VP8X', vp8x))).toEqual({ width: 20000, height: 3000 });
    const vp8l = Buffer.alloc(10);
    vp8l[0] = 0x2f;
    vp8l.writeUInt32LE((1024 - 1) | ((768 - 1) << 14), 1);
    expect(imageSize('image/webp', riff('VP8L', vp8l))).toEqual({ width: 1024, height: 768 });
    const vp8 = Buffer.from([0, 0, 0, 0x9d, 0x01, 0x2a, 0, 0, 0, 0]);
    vp8.writeUInt16LE(1920, 6);
    vp8.writeUInt16LE(1080, 8);
    expect(imageSize('image/webp', riff('VP8 ', vp8))).toEqual({ width: 1920, height: 1080 });
  });

  it('refuses headers it cannot read instead of guessing', () => {
    expect(() => imageSize('image/png', Buffer.concat([PNG_SIG, Buffer.alloc(20)]))).toThrow(MalformedImageError);
    expect(() => imageSize('image/jpeg', jpeg(100, 0))).toThrow(MalformedImageError);
    expect(() => imageSize('image/webp', riff('ALPH', Buffer.alloc(10)))).toThrow(MalformedImageError);
    // A JPEG without any frame header declares nothing (no decoder can render it).
    expect(
      imageSize('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x04, 0x01, 0x00, 0xff, 0xd9])),
    ).toBeNull();
  });

  it('limits each side to 16384 and the total to 40 MP', () => {
    expect(IMAGE_LIMITS).toEqual({ maxSide: 16384, maxPixels: 40_000_000 });
    expect(withinPixelLimits({ width: 8000, height: 5000 })).toBe(true);
    expect(withinPixelLimits({ width: 8000, height: 5001 })).toBe(false);
    expect(withinPixelLimits({ width: 16384, height: 100 })).toBe(true);
    expect(withinPixelLimits({ width: 16385, height: 1 })).toBe(false);
    expect(withinPixelLimits({ width: 30000, height: 30000 })).toBe(false);
  });
});
