import type { ImageMime } from './image-format';
import { MalformedImageError } from './image-metadata';

/**
 * Pixel limits of uploaded photos. A small file can declare a huge canvas (a 30000×30000 PNG of one
 * colour compresses to a few KB) and every viewer that decodes it — the admin's browser, WeChat's
 * image component, a future thumbnailer — then allocates width × height × 4 bytes (3.6 GB).
 * 40 MP covers every phone camera (a 48 MP sensor bins to 12 MP; 50 MP raw = 8160×6120 is the
 * exception and is refused); 16384 per side is the common decoder and canvas ceiling.
 */
export const IMAGE_LIMITS = { maxSide: 16384, maxPixels: 40_000_000 } as const;

export interface ImageSize {
  width: number;
  height: number;
}

/** PNG: the IHDR chunk must come first (PNG spec 5.6); width and height are its first two fields. */
function pngSize(buf: Buffer): ImageSize {
  if (buf.length < 24 || buf.toString('latin1', 12, 16) !== 'IHDR')
    throw new MalformedImageError('PNG without IHDR first');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** JPEG frame markers SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isFrameMarker = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * JPEG: the largest frame header (SOFn: precision, height, width) before the first scan; null when
 * the file has none — nothing can decode such a file, so it cannot make a viewer allocate either.
 */
function jpegSize(buf: Buffer): ImageSize | null {
  let i = 2;
  let size: ImageSize | null = null;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) throw new MalformedImageError(`expected a marker at ${i}`);
    while (i < buf.length && buf[i] === 0xff) i += 1;
    const marker = buf[i];
    i += 1;
    if (marker === 0xd9 || marker === 0xda) break; // end of image, or the first scan: frames come before
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length field
    if (i + 2 > buf.length) break;
    const length = buf.readUInt16BE(i);
    if (length < 2) throw new MalformedImageError(`bad segment length at ${i}`);
    if (isFrameMarker(marker)) {
      if (length < 7 || i + 7 > buf.length) throw new MalformedImageError('truncated frame header');
      const frame = { height: buf.readUInt16BE(i + 3), width: buf.readUInt16BE(i + 5) };
      // Height 0 defers the size to a DNL marker after the scan: an unknown size is not accepted.
      if (frame.height === 0 || frame.width === 0) throw new MalformedImageError('frame without a size');
      if (!size || frame.width * frame.height > size.width * size.height) size = frame;
    }
    i += length;
  }
  return size;
}

/** WebP: the size of the first chunk — VP8X (canvas), VP8L (lossless) or VP8 (lossy key frame). */
function webpSize(buf: Buffer): ImageSize {
  if (buf.length < 30) throw new MalformedImageError('truncated WebP');
  const type = buf.toString('latin1', 12, 16);
  const p = 20; // first chunk's payload
  if (type === 'VP8X') return { width: buf.readUIntLE(p + 4, 3) + 1, height: buf.readUIntLE(p + 7, 3) + 1 };
  if (type === 'VP8L') {
    if (buf[p] !== 0x2f) throw new MalformedImageError('VP8L without signature');
    const bits = buf.readUInt32LE(p + 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (type === 'VP8 ') {
    if (buf[p + 3] !== 0x9d || buf[p + 4] !== 0x01 || buf[p + 5] !== 0x2a)
      throw new MalformedImageError('VP8 without start code');
    return { width: buf.readUInt16LE(p + 6) & 0x3fff, height: buf.readUInt16LE(p + 8) & 0x3fff };
  }
  throw new MalformedImageError(`WebP starting with chunk ${type}`);
}

/** Width and height the image declares (null: a JPEG without a frame header). Throws MalformedImageError. */
export function imageSize(mime: ImageMime, buf: Buffer): ImageSize | null {
  if (mime === 'image/png') return pngSize(buf);
  if (mime === 'image/jpeg') return jpegSize(buf);
  return webpSize(buf);
}

/** Whether a declared size is within {@link IMAGE_LIMITS}. */
export function withinPixelLimits(size: ImageSize): boolean {
  return (
    size.width <= IMAGE_LIMITS.maxSide &&
    size.height <= IMAGE_LIMITS.maxSide &&
    size.width * size.height <= IMAGE_LIMITS.maxPixels
  );
}
