/**
 * HTTP Range requests (RFC 9110 §14) for stored files, so a video player can seek and resume: one
 * `bytes=` range — `a-b`, `a-` or the suffix `-n`. Several ranges in one request are answered with
 * the whole file (allowed by the RFC; players never ask for several).
 */
export type RangeAnswer =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/** How `header` (the request's Range) applies to a file of `size` bytes. */
export function byteRange(header: string | undefined, size: number): RangeAnswer {
  if (!header) return { kind: 'full' };
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!m) {
    // Another unit or several ranges: ignore the header and send everything.
    return /^bytes=/i.test(header.trim()) && !header.includes(',') ? { kind: 'unsatisfiable' } : { kind: 'full' };
  }
  const [, first, last] = m;
  if (first === '' && last === '') return { kind: 'unsatisfiable' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}
