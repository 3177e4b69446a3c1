import { checkPassword, passwordClasses } from './password-policy';
import { checkCreditCode, creditCodeCheckChar } from './credit-code';
import { allPermissions, hasPermission, permissionsOf, requiresMfa, rolePermissions } from './permissions';
import { allRoles } from './roles';

describe('staff password policy', () => {
  it('accepts 8+ characters with three classes that do not contain the username', () => {
    expect(checkPassword('Winter-2026', 'zhangsan')).toEqual([]);
    expect(checkPassword('winter-2026', 'zhangsan')).toEqual([]);
  });
  it('names every broken rule', () => {
    expect(checkPassword('abc', 'x')).toEqual(['tooShort', 'tooFewClasses']);
    expect(checkPassword('abcdefgh', 'x')).toEqual(['tooFewClasses']);
    expect(checkPassword('Zhangsan-2026', 'ZhangSan')).toEqual(['containsUsername']);
  });
  it('counts character classes', () => {
    expect(passwordClasses('aA1!')).toBe(4);
    expect(passwordClasses('中文密码')).toBe(1);
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts a code with the right check character', () => {
    // A published example code; its last character is the GB 32100 check character.
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ valid: true, checkDigitOk: true });
    expect(checkCreditCode(' 91350100m000100y43 ').valid).toBe(true);
  });
  it('warns rather than rejects on a wrong check character', () => {
    const body = '91350100M000100Y4';
    const wrong = creditCodeCheckChar(body) === '0' ? '1' : '0';
    const result = checkCreditCode(body + wrong);
    expect(result.valid).toBe(true);
    expect(result.checkDigitOk).toBe(false);
    expect(result.warning).toMatch(/校验位/);
  });
  it('rejects malformed codes (forbidden letters, wrong length)', () => {
    expect(checkCreditCode('91350100M000100Y4I').valid).toBe(false);
    expect(checkCreditCode('123').valid).toBe(false);
  });
});

describe('role → permission table', () => {
  it('covers every role and only known permissions', () => {
    for (const role of allRoles) {
      for (const p of rolePermissions[role]) expect(allPermissions).toContain(p);
    }
  });
  it('separates duties: the auditor reads audit logs and manages nothing', () => {
    const auditor = permissionsOf(['auditor']);
    expect(auditor.has('audit:read')).toBe(true);
    expect([...auditor].filter((p) => /manage|assign|issue|dispatch/.test(p))).toEqual([]);
  });
  it('does not let the super admin read PII without an explicit grant', () => {
    expect(hasPermission(['super_admin'], 'person:pii:read')).toBe(false);
    expect(hasPermission(['super_admin'], 'person:pii:read', ['person:pii:read'])).toBe(true);
    expect(hasPermission(['super_admin'], 'audit:read')).toBe(false);
  });
  it('shows server internals (系统状态) to the super admin only, not to town officials', () => {
    const holders = Object.entries(rolePermissions)
      .filter(([, perms]) => perms.includes('system:status'))
      .map(([role]) => role);
    expect(holders).toEqual(['super_admin']);
  });
  it('gives residents and party members no admin permissions', () => {
    expect(permissionsOf(['resident', 'party_member']).size).toBe(0);
  });
  it('requires two-factor for town level and above only', () => {
    expect(requiresMfa(['town_admin'])).toBe(true);
    expect(requiresMfa(['super_admin'])).toBe(true);
    expect(requiresMfa(['village_admin'])).toBe(false);
    expect(requiresMfa(['grid_worker'])).toBe(false);
  });
});
