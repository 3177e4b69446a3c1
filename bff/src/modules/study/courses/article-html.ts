import { FilterXSS } from 'xss';

/**
 * The formatting an article lesson may keep: paragraphs, headings, emphasis, lists, quotes, links and
 * tables. Scripts, event handlers (`onerror=`…), styles, images with script URLs, iframes and every
 * unknown tag are dropped on the server, so the portal and the mini-program render the stored HTML as is.
 */
const articleFilter = new FilterXSS({
  whiteList: {
    p: [],
    br: [],
    strong: [],
    b: [],
    em: [],
    i: [],
    u: [],
    h2: [],
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
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  onTagAttr: (tag, name, value) => {
    // Links leave the page only by http(s); javascript:, data: and the like are dropped.
    if (tag === 'a' && name === 'href' && !/^https?:/i.test(value.trim())) return '';
    return undefined;
  },
});

/** Sanitised article HTML ('' when nothing readable is left). */
export function sanitizeArticleHtml(html: string): string {
  return articleFilter.process(html).trim();
}
