/**
 * MP4 detection and length from the bytes (never from the client's name or type). An MP4 (ISO base
 * media file) starts with an `ftyp` box; its length is the `mvhd` box inside `moov`: duration ÷
 * timescale. Only the box headers are walked, nothing is decoded.
 */
export const VIDEO_MP4_MIME = 'video/mp4';

/** Brands of files a browser's and WeChat's <video> play as MP4 (H.264/AAC in ISO BMFF). */
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4A ',
  'dash',
  'mp71',
  'MSNV',
]);

/** 'video/mp4' when `bytes` start with an ftyp box of an MP4 brand, otherwise null. */
export function sniffMp4(bytes: Buffer): typeof VIDEO_MP4_MIME | null {
  if (bytes.length < 16) return null;
  if (bytes.toString('latin1', 4, 8) !== 'ftyp') return null;
  const size = bytes.readUInt32BE(0);
  if (size < 16 || size > bytes.length) return null;
  const brands = [bytes.toString('latin1', 8, 12)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(bytes.toString('latin1', at, at + 4));
  return brands.some((b) => MP4_BRANDS.has(b)) ? VIDEO_MP4_MIME : null;
}

interface Box {
  type: string;
  /** Start of the payload (after the header) and end of the box. */
  body: number;
  end: number;
}

/** The boxes in `[from, to)`; stops at the first malformed header. */
function boxes(bytes: Buffer, from: number, to: number): Box[] {
  const found: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      const large = bytes.readBigUInt64BE(at + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) break;
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) break;
    found.push({ type, body: at + header, end: at + size });
    at += size;
  }
  return found;
}

/**
 * The movie's length in whole milliseconds from `moov/mvhd`, or null when the file has none, the
 * duration is unknown (all ones) or zero.
 */
export function mp4DurationMs(bytes: Buffer): number | null {
  const moov = boxes(bytes, 0, bytes.length).find((b) => b.type === 'moov');
  if (!moov) return null;
  const mvhd = boxes(bytes, moov.body, moov.end).find((b) => b.type === 'mvhd');
  if (!mvhd) return null;
  const version = bytes[mvhd.body];
  let timescale: number;
  let duration: number;
  if (version === 1) {
    if (mvhd.body + 32 > mvhd.end) return null;
    timescale = bytes.readUInt32BE(mvhd.body + 20);
    const d = bytes.readBigUInt64BE(mvhd.body + 24);
    if (d === 0xffffffffffffffffn || d > BigInt(Number.MAX_SAFE_INTEGER)) return null;
    duration = Number(d);
  } else {
    if (mvhd.body + 20 > mvhd.end) return null;
    timescale = bytes.readUInt32BE(mvhd.body + 12);
    duration = bytes.readUInt32BE(mvhd.body + 16);
    if (duration === 0xffffffff) return null;
  }
  if (timescale === 0 || duration === 0) return null;
  return Math.round((duration * 1000) / timescale);
}
