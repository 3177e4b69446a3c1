/**
 * Mainland mobile numbers: 11 digits starting with 1 and a second digit 3–9 (all segments issued by
 * MIIT so far). An optional +86 / 86 prefix and spaces or dashes are tolerated on input.
 */
export function normalizeMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export function isValidMobile(raw: string): boolean {
  return normalizeMobile(raw) !== null;
}
