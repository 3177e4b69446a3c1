/**
 * A small PDF with Chinese text for the demo seed, written by hand (no library, no font file): the
 * text uses the PDF's predefined Chinese font STSong-Light with the UniGB-UCS2-H encoding, which
 * every PDF viewer maps to a Chinese font it has (Chromium's viewer, pdf.js, Acrobat, poppler). The
 * text stays text: selectable, searchable and readable by screen readers.
 */

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN = 64;
const TITLE_SIZE = 20;
const BODY_SIZE = 13;
const LEADING = 1.7;

/** Width of a character in em: ASCII half width, everything else (CJK, full-width punctuation) one em. */
const charEm = (ch: string): number => (ch.charCodeAt(0) < 0x80 ? 0.5 : 1);

/** Breaks a paragraph into lines that fit `width` points at `size`; the first line is indented two em. */
function wrap(text: string, size: number, width: number, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = indent;
  for (const ch of text) {
    const w = charEm(ch) * size;
    if (used + w > width && line) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** UCS-2 big-endian hex string, as UniGB-UCS2-H expects; characters outside the BMP become '?'. */
function ucs2Hex(text: string): string {
  let hex = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0x3f;
    hex += (code > 0xffff ? 0x3f : code).toString(16).padStart(4, '0');
  }
  return `<${hex}>`;
}

interface Line {
  text: string;
  size: number;
  x: number;
  /** Extra space before the line (paragraph spacing), points. */
  gap: number;
}

function layout(title: string, paragraphs: string[]): Line[][] {
  const width = PAGE_WIDTH - 2 * MARGIN;
  const lines: Line[] = wrap(title, TITLE_SIZE, width, 0).map((text) => ({
    text,
    size: TITLE_SIZE,
    x: MARGIN + Math.max(0, (width - [...text].reduce((s, c) => s + charEm(c) * TITLE_SIZE, 0)) / 2),
    gap: 0,
  }));
  for (const paragraph of paragraphs) {
    wrap(paragraph, BODY_SIZE, width, 2 * BODY_SIZE).forEach((text, i) =>
      lines.push({
        text,
        size: BODY_SIZE,
        x: MARGIN + (i === 0 ? 2 * BODY_SIZE : 0),
        gap: i === 0 ? BODY_SIZE * 0.6 : 0,
      }),
    );
  }
  const pages: Line[][] = [[]];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const step = line.size * LEADING + line.gap;
    if (y - step < MARGIN && pages[pages.length - 1].length > 0) {
      pages.push([]);
      y = PAGE_HEIGHT - MARGIN;
    }
    y -= step;
    pages[pages.length - 1].push({ ...line, gap: y });
  }
  return pages;
}

/** The content stream of one page; `gap` holds the baseline y after layout. */
function pageContent(lines: Line[], pageNo: number, pageCount: number): string {
  const ops = lines.map((l) => `BT /F1 ${l.size} Tf ${l.x.toFixed(1)} ${l.gap.toFixed(1)} Td ${ucs2Hex(l.text)} Tj ET`);
  const footer = `第 ${pageNo} 页 / 共 ${pageCount} 页`;
  ops.push(`BT /F1 10 Tf ${PAGE_WIDTH / 2 - 40} 36 Td ${ucs2Hex(footer)} Tj ET`);
  return ops.join('\n');
}

/** A PDF of `title` and `paragraphs` (A4, as many pages as needed). Deterministic bytes. */
export function demoPdf(title: string, paragraphs: string[]): Buffer {
  const pages = layout(title, paragraphs);
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /W [1 95 500] ' +
    '/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
    '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>';
  pages.forEach((lines, i) => {
    const content = Buffer.from(pageContent(lines, i + 1, pages.length), 'latin1');
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`;
  });
  // The header's binary comment tells transfer tools the file is not plain text.
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
