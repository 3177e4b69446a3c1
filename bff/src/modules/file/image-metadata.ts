import type { ImageMime } from './image-format';

/**
 * Removal of metadata from uploaded photos: EXIF carries the GPS position of a resident's home, the
 * phone model and capture time, none of which a registry photo needs. The pixel data is copied
 * byte for byte (no re-encoding, so no quality loss and no image library in the request path).
 *
 * Each function throws MalformedImageError when the structure cannot be walked; the caller refuses
 * such a file rather than storing it unfiltered.
 */
export class MalformedImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedImageError';
  }
}

/**
 * JPEG markers kept before the image data: APP0 (JFIF), APP2 (ICC colour profile), APP14 (Adobe
 * colour transform, needed to decode CMYK/YCCK correctly); every other APPn (APP1 = EXIF/XMP,
 * APP13 = IPTC/Photoshop …) and COM (comments) are dropped.
 */
const KEPT_APP_MARKERS = new Set([0xe0, 0xe2, 0xee]);
const isAppOrComment = (m: number) => (m >= 0xe0 && m <= 0xef) || m === 0xfe;
/** Markers without a length field. */
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

/** Where the entropy-coded data that starts at `from` ends (the next real marker). */
function endOfScan(buf: Buffer, from: number): number {
  let i = from;
  while (i < buf.length - 1) {
    if (buf[i] === 0xff) {
      const next = buf[i + 1];
      // FF00 = stuffed data byte, FFD0–D7 = restart markers, FFFF = fill: all part of the scan.
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
        i += next === 0xff ? 1 : 2;
        continue;
      }
      return i;
    }
    i += 1;
  }
  throw new MalformedImageError('JPEG ends inside the image data');
}

/** A copy of a JPEG without EXIF/XMP/IPTC/comments and without anything after the end marker. */
export function stripJpegMetadata(buf: Buffer): Buffer {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) throw new MalformedImageError('not a JPEG');
  const parts: Buffer[] = [buf.subarray(0, 2)];
  let i = 2;
  for (;;) {
    if (i >= buf.length) throw new MalformedImageError('JPEG without end marker');
    if (buf[i] !== 0xff) throw new MalformedImageError(`expected a marker at ${i}`);
    while (i < buf.length && buf[i] === 0xff) i += 1; // fill bytes before a marker
    if (i >= buf.length) throw new MalformedImageError('JPEG ends in a marker');
    const marker = buf[i];
    const start = i - 1;
    i += 1;
    if (marker === 0xd9) {
      // End of image: whatever trails it (some phones append data there) is dropped too.
      parts.push(Buffer.from([0xff, 0xd9]));
      return Buffer.concat(parts);
    }
    if (isStandalone(marker)) {
      parts.push(buf.subarray(start, i));
      continue;
    }
    if (i + 2 > buf.length) throw new MalformedImageError('truncated segment header');
    const length = buf.readUInt16BE(i);
    if (length < 2 || i + length > buf.length) throw new MalformedImageError(`bad segment length at ${start}`);
    const end = i + length;
    if (marker === 0xda) {
      // Start of scan: header, then entropy-coded data up to the next marker.
      const scanEnd = endOfScan(buf, end);
      parts.push(Buffer.from([0xff, marker]), buf.subarray(i, scanEnd));
      i = scanEnd;
      continue;
    }
    if (!isAppOrComment(marker) || KEPT_APP_MARKERS.has(marker))
      parts.push(Buffer.from([0xff, marker]), buf.subarray(i, end));
    i = end;
  }
}

/** PNG chunks that carry text, EXIF or timestamps; everything else (pixels, colour, transparency) stays. */
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** A copy of a PNG without text/EXIF/time chunks and without anything after IEND. */
export function stripPngMetadata(buf: Buffer): Buffer {
  const parts: Buffer[] = [buf.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= buf.length) {
    const length = buf.readUInt32BE(i);
    const type = buf.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > buf.length) throw new MalformedImageError(`truncated PNG chunk ${type}`);
    if (!PNG_METADATA_CHUNKS.has(type)) parts.push(buf.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  throw new MalformedImageError('PNG without IEND');
}

/** VP8X feature flags (first payload byte): bit 3 = EXIF present, bit 2 = XMP present. */
const WEBP_EXIF_FLAG = 0x08;
const WEBP_XMP_FLAG = 0x04;

/** A copy of a WebP without its EXIF and XMP chunks (flags in the VP8X header cleared to match). */
export function stripWebpMetadata(buf: Buffer): Buffer {
  const riffEnd = 8 + buf.readUInt32LE(4);
  if (riffEnd > buf.length) throw new MalformedImageError('truncated WebP');
  const chunks: Buffer[] = [];
  let i = 12;
  while (i + 8 <= riffEnd) {
    const type = buf.toString('latin1', i, i + 4);
    const size = buf.readUInt32LE(i + 4);
    const end = i + 8 + size + (size % 2); // chunks are padded to an even size
    if (end > riffEnd) throw new MalformedImageError(`truncated WebP chunk ${type}`);
    if (type === 'VP8X') {
      const copy = Buffer.from(buf.subarray(i, end));
      copy[8] &= ~(WEBP_EXIF_FLAG | WEBP_XMP_FLAG);
      chunks.push(copy);
    } else if (type !== 'EXIF' && type !== 'XMP ') {
      chunks.push(buf.subarray(i, end));
    }
    i = end;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

/** Strips metadata according to the (sniffed) type. */
export function stripImageMetadata(mime: ImageMime, buf: Buffer): Buffer {
  if (mime === 'image/jpeg') return stripJpegMetadata(buf);
  if (mime === 'image/png') return stripPngMetadata(buf);
  return stripWebpMetadata(buf);
}
