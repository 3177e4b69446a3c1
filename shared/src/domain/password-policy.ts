/**
 * Staff password policy (等保 2.0 三级 identity controls): at least 8 characters, at least three of
 * the four classes (upper, lower, digit, symbol), must not equal or contain the username. Reuse of
 * the last passwords and expiry are enforced by the BFF, which holds the history.
 */
export const passwordPolicy = {
  minLength: 8,
  maxLength: 128,
  minClasses: 3,
  historySize: 5,
  defaultMaxAgeDays: 90,
} as const;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooFewClasses' | 'containsUsername';

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  tooShort: `密码至少 ${passwordPolicy.minLength} 位`,
  tooLong: `密码最多 ${passwordPolicy.maxLength} 位`,
  tooFewClasses: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
  containsUsername: '密码不能包含用户名',
};

/** Counts the character classes present (upper, lower, digit, symbol). */
export function passwordClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** Every rule the password breaks (empty when it is acceptable). */
export function checkPassword(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < passwordPolicy.minLength) problems.push('tooShort');
  if (password.length > passwordPolicy.maxLength) problems.push('tooLong');
  if (passwordClasses(password) < passwordPolicy.minClasses) problems.push('tooFewClasses');
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) problems.push('containsUsername');
  return problems;
}
