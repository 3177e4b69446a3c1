/**
 * Client-side shape check of binding codes (the BFF decides validity): 8 characters without the
 * look-alikes 0/O/1/I, typed by hand or scanned from the QR code (`ZHILI-BIND:<code>`).
 */
export const CODE_LENGTH = 8;
const QR_PREFIX = 'ZHILI-BIND:';
const ALPHABET = /^[2-9A-HJ-NP-Z]+$/;

/** Upper-cases and drops spaces and dashes; strips the QR prefix. */
export function cleanCode(input: string): string {
  const raw = input.trim().toUpperCase();
  const body = raw.startsWith(QR_PREFIX) ? raw.slice(QR_PREFIX.length) : raw;
  return body.replace(/[\s-]/g, '').slice(0, CODE_LENGTH + 4);
}

/** Null when the code could be valid, else why not (Chinese, shown under the input). */
export function codeProblem(code: string): string | null {
  if (code.length !== CODE_LENGTH) return `绑定码为 ${CODE_LENGTH} 位`;
  if (!ALPHABET.test(code)) return '绑定码不含数字 0、1 和字母 O、I，请核对';
  return null;
}

/** The code inside a scanned QR text, or null when the QR code is not one of ours. */
export function codeFromScan(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.toUpperCase().startsWith(QR_PREFIX)) return null;
  const code = cleanCode(trimmed);
  return codeProblem(code) ? null : code;
}
