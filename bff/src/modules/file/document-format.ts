/**
 * PDF detection from the bytes (never from the client's name or Content-Type): a PDF starts with
 * `%PDF-` (readers tolerate a little garbage before it, we do not) and ends with `%%EOF`, possibly
 * followed by a line break or a few stray bytes that writers append.
 */
export type DocumentMime = 'application/pdf';

/** How far from the end `%%EOF` may sit (trailing whitespace and writer padding). */
export const PDF_EOF_WINDOW = 1024;

const HEADER = Buffer.from('%PDF-', 'latin1');
const EOF_MARK = Buffer.from('%%EOF', 'latin1');

/** 'application/pdf' when `bytes` are a PDF by header and trailer, otherwise null. */
export function sniffPdf(bytes: Buffer): DocumentMime | null {
  if (bytes.length < HEADER.length + EOF_MARK.length) return null;
  if (!bytes.subarray(0, HEADER.length).equals(HEADER)) return null;
  const tail = bytes.subarray(Math.max(HEADER.length, bytes.length - PDF_EOF_WINDOW));
  return tail.includes(EOF_MARK) ? 'application/pdf' : null;
}
