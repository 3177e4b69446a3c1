/**
 * Value rules of WeChat subscribe-message keywords (订阅消息 参数值内容限制). WeChat refuses the whole
 * message (47003) when one value breaks them, so every value is fitted here instead.
 */

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Characters as WeChat counts them: code points (one CJK character is one). */
const chars = (text: string): string[] => Array.from(text);

/** `thing`: ≤ 20 characters; longer text is cut with '…' inside the limit; never empty. */
export function wxThing(text: string | null | undefined, fallback = '无'): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  const list = chars(clean || fallback);
  return list.length <= 20 ? list.join('') : `${list.slice(0, 19).join('')}…`;
}

/** `phrase`: ≤ 5 Chinese characters (anything else is removed). */
export function wxPhrase(text: string, fallback = '已更新'): string {
  const han = chars(text).filter((c) => /[\u4e00-\u9fff]/.test(c));
  return (han.length ? han : chars(fallback)).slice(0, 5).join('');
}

/** `character_string`: ≤ 32 printable ASCII characters (letters, digits, symbols; no spaces). */
export function wxCharacterString(text: string): string {
  const ascii = text.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
  return ascii || '-';
}

/** `time`: `YYYY-MM-DD HH:mm` in Asia/Shanghai (UTC+8 all year, so a fixed offset is exact). */
export function wxTime(date: Date): string {
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
