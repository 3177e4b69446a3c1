import { FilterXSS } from 'xss';

/**
 * The formatting a notice may keep: paragraphs, emphasis, lists, headings, links and tables. Anything
 * else (scripts, event handlers, styles, iframes) is dropped on the server, so the portal and the
 * mini-program can render the body as HTML.
 */
const noticeFilter = new FilterXSS({
  whiteList: {
    p: [],
    br: [],
    strong: [],
    b: [],
    em: [],
    i: [],
    u: [],
    h3: [],
    h4: [],
    ul: [],
    ol: [],
    li: [],
    blockquote: [],
    a: ['href', 'title'],
    table: [],
    thead: [],
    tbody: [],
    tr: [],
    th: [],
    td: [],
  },
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object'],
  onTagAttr: (tag, name, value) => {
    // Links may leave the page only by http(s) or mail; the library's own check covers the rest.
    if (tag === 'a' && name === 'href' && !/^(https?:|mailto:)/i.test(value.trim())) return '';
    return undefined;
  },
});

export function sanitizeNoticeHtml(html: string): string {
  return noticeFilter.process(html).trim();
}
