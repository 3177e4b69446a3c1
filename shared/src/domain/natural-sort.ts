/**
 * Natural order for names people number: 第一网格 < 第二网格 < 第十网格, 1号 < 2号 < 10号, 3号楼 <
 * 12号楼. Runs of digits (ASCII or full-width) and of Chinese numerals (一…九, 十, 百, 千, 万, 零/〇,
 * 两) compare by value; everything else by the Chinese collation. One comparator for every sorted
 * tree and list, in the BFF and both front ends.
 */

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const TOKEN = /([0-9]+|[０-９]+|[零〇一二两三四五六七八九十百千万]+)/;

type Token = number | string;

/** The value of a Chinese numeral (十一 = 11, 二十三 = 23, 一百零五 = 105, 二〇二六 = 2026). */
export function chineseNumeralValue(run: string): number {
  const chars = Array.from(run);
  // Digits only (二〇二六): positional, like a year.
  if (chars.length > 1 && chars.every((c) => c in CN_DIGITS)) return Number(chars.map((c) => CN_DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let pending = -1;
  for (const c of chars) {
    if (c in CN_DIGITS) {
      pending = CN_DIGITS[c];
    } else if (c in CN_UNITS) {
      section += (pending < 0 ? 1 : pending) * CN_UNITS[c];
      pending = -1;
    } else if (c === '万') {
      total += (section + Math.max(pending, 0) || 1) * 10_000;
      section = 0;
      pending = -1;
    }
  }
  return total + section + Math.max(pending, 0);
}

function tokens(text: string): Token[] {
  return text
    .split(TOKEN)
    .filter((part) => part !== '')
    .map((part) => {
      if (/^[0-9]+$/.test(part)) return Number(part);
      if (/^[０-９]+$/.test(part))
        return Number(Array.from(part, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join(''));
      if (TOKEN.test(part)) return chineseNumeralValue(part);
      return part;
    });
}

let collator: Intl.Collator | null | undefined;
function compareText(a: string, b: string): number {
  // Some mini-program runtimes ship without Intl: fall back to code-point order there.
  if (collator === undefined) collator = typeof Intl !== 'undefined' ? new Intl.Collator('zh-CN') : null;
  if (collator) return collator.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Comparator for `Array.prototype.sort`: natural order of two names (see the module comment). */
export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ta = tokens(a);
  const tb = tokens(b);
  for (let i = 0; i < Math.min(ta.length, tb.length); i += 1) {
    const x = ta[i];
    const y = tb[i];
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x - y;
    } else if (typeof x === 'number') {
      return -1; // a number before text: 1号 before 东区
    } else if (typeof y === 'number') {
      return 1;
    } else {
      const c = compareText(x, y);
      if (c !== 0) return c;
    }
  }
  // Equal so far: the shorter first, then any difference in spelling (01 vs 1, 二 vs 两) decides.
  return ta.length - tb.length || compareText(a, b);
}

/** `items` sorted naturally by `key` (a new array; the input is left as it is). */
export function naturalSortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => naturalCompare(key(a), key(b)));
}
