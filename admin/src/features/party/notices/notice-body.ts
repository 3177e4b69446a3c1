/**
 * The notice body as staff write it: plain text with a little markup, turned into the HTML the BFF
 * stores (and sanitises again) — and back, to edit a draft. Markup:
 * - a blank line starts a new paragraph; a single line break stays a line break;
 * - `## 标题` is a heading line; `- 事项` (or `· 事项`) is a list item;
 * - `**文字**` is bold.
 * The preview renders the parsed blocks as elements, never as raw HTML.
 */

export interface Segment {
  text: string;
  strong: boolean;
}
export type Line = Segment[];
export type Block =
  { kind: 'paragraph'; lines: Line[] } | { kind: 'heading'; line: Line } | { kind: 'list'; items: Line[] };

const LIST_ITEM = /^\s*[-·•]\s+/;
const HEADING = /^\s*##\s+/;

/** `a **b** c` → segments, bold where the asterisks pair up (an odd one stays as text). */
export function segmentsOf(line: string): Line {
  const parts = line.split('**');
  if (parts.length % 2 === 0) return [{ text: line, strong: false }];
  return parts.map((text, i) => ({ text, strong: i % 2 === 1 })).filter((s) => s.text !== '');
}

/** The blocks of a body written in the markup above (empty text → no blocks). */
export function parseNoticeText(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    let paragraph: Line[] = [];
    let list: Line[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', lines: paragraph });
      if (list.length) blocks.push({ kind: 'list', items: list });
      paragraph = [];
      list = [];
    };
    for (const raw of lines) {
      if (HEADING.test(raw)) {
        flush();
        blocks.push({ kind: 'heading', line: segmentsOf(raw.replace(HEADING, '').trim()) });
      } else if (LIST_ITEM.test(raw)) {
        if (paragraph.length) flush();
        list.push(segmentsOf(raw.replace(LIST_ITEM, '').trim()));
      } else {
        if (list.length) flush();
        paragraph.push(segmentsOf(raw.trim()));
      }
    }
    flush();
  }
  return blocks;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const lineHtml = (line: Line) =>
  line.map((s) => (s.strong ? `<strong>${escapeHtml(s.text)}</strong>` : escapeHtml(s.text))).join('');

/** The HTML the BFF receives: `<p>`, `<br>`, `<h4>`, `<ul><li>`, `<strong>`, all text escaped. */
export function noticeTextToHtml(text: string): string {
  return parseNoticeText(text)
    .map((b) => {
      if (b.kind === 'heading') return `<h4>${lineHtml(b.line)}</h4>`;
      if (b.kind === 'list') return `<ul>${b.items.map((i) => `<li>${lineHtml(i)}</li>`).join('')}</ul>`;
      return `<p>${b.lines.map(lineHtml).join('<br>')}</p>`;
    })
    .join('');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/**
 * A stored (sanitised) body back to the markup, to edit a draft: paragraphs, line breaks, headings,
 * list items and bold survive; other tags (links, tables from elsewhere) keep only their text.
 */
export function noticeHtmlToText(html: string): string {
  return html
    .replace(/<h[34][^>]*>([\s\S]*?)<\/h[34]>/gi, '\n\n## $1\n\n')
    .replace(/<(ul|ol)[^>]*>/gi, '\n\n')
    .replace(/<li[^>]*>([\s\S]*?)<\/li>/gi, '- $1\n')
    .replace(/<\/(ul|ol)>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n\n')
    .replace(/<\/?(strong|b)>/gi, '**')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
