import { mp4DurationMs, sniffMp4 } from './video-format';

const box = (type: string, payload: Buffer): Buffer => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + payload.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, payload]);
};
const ftyp = (brand = 'isom') => box('ftyp', Buffer.from(`${brand}\0\0\u0002\0isomavc1`, 'latin1'));

function mvhdV0(timescale: number, duration: number): Buffer {
  const p = Buffer.alloc(100);
  p.writeUInt32BE(timescale, 12);
  p.writeUInt32BE(duration, 16);
  return box('mvhd', p);
}
function mvhdV1(timescale: number, duration: bigint): Buffer {
  const p = Buffer.alloc(112);
  p[0] = 1;
  p.writeUInt32BE(timescale, 20);
  p.writeBigUInt64BE(duration, 24);
  return box('mvhd', p);
}

describe('MP4 format', () => {
  it('recognises an ftyp box of an MP4 brand and nothing else', () => {
    expect(sniffMp4(Buffer.concat([ftyp(), box('mdat', Buffer.alloc(8))]))).toBe('video/mp4');
    expect(sniffMp4(Buffer.concat([ftyp('qt  '), box('mdat', Buffer.alloc(8))]))).toBe('video/mp4'); // compatible isom
    expect(sniffMp4(Buffer.from('%PDF-1.4 not a movie at all'))).toBeNull();
    expect(sniffMp4(Buffer.alloc(4))).toBeNull();
    const fake = Buffer.concat([ftyp(), Buffer.alloc(8)]);
    fake.writeUInt32BE(10_000, 0); // a box longer than the file
    expect(sniffMp4(fake)).toBeNull();
  });

  it('reads the duration from moov/mvhd, version 0 and 1, after an mdat', () => {
    const v0 = Buffer.concat([ftyp(), box('mdat', Buffer.alloc(32)), box('moov', mvhdV0(1000, 95_500))]);
    expect(mp4DurationMs(v0)).toBe(95_500);
    const v1 = Buffer.concat([
      ftyp(),
      box('moov', Buffer.concat([mvhdV1(90_000, 900_000n), box('trak', Buffer.alloc(4))])),
    ]);
    expect(mp4DurationMs(v1)).toBe(10_000);
  });

  it('answers null for a missing moov, unknown or zero duration, and truncated boxes', () => {
    expect(mp4DurationMs(Buffer.concat([ftyp(), box('mdat', Buffer.alloc(8))]))).toBeNull();
    expect(mp4DurationMs(Buffer.concat([ftyp(), box('moov', mvhdV0(1000, 0xffffffff))]))).toBeNull();
    expect(mp4DurationMs(Buffer.concat([ftyp(), box('moov', mvhdV0(0, 10))]))).toBeNull();
    const truncated = Buffer.concat([ftyp(), box('moov', mvhdV0(1000, 5000))]).subarray(0, 60);
    expect(mp4DurationMs(truncated)).toBeNull();
  });
});
