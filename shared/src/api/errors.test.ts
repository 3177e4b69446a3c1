import { ErrorCode, errorCatalogue, errorMessages, isErrorCode } from './errors';

describe('error catalogue', () => {
  it('gives every code an HTTP error status and a Chinese message', () => {
    for (const code of Object.values(ErrorCode)) {
      const spec = errorCatalogue[code];
      expect(spec.status).toBeGreaterThanOrEqual(400);
      expect(spec.status).toBeLessThan(600);
      expect(spec.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(errorMessages[code]).toBe(spec.message);
    }
  });
  it('maps authentication failures to 401 and permission failures to 403', () => {
    expect(errorCatalogue.AUTH_REQUIRED.status).toBe(401);
    expect(errorCatalogue.WECHAT_CODE_INVALID.status).toBe(401);
    expect(errorCatalogue.FORBIDDEN.status).toBe(403);
  });
  it('recognizes known codes only', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('NOPE')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
