import { idNumberCheckChar, isValidIdNumber, parseIdNumber } from './id-number';

const today = new Date(Date.UTC(2026, 10, 21));

describe('GB 11643 ID numbers', () => {
  it('accepts the standard example with a correct check digit and derives birth date and gender', () => {
    // The example from GB 11643-1999 itself.
    expect(parseIdNumber('11010519491231002X', today)).toEqual({
      valid: true,
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(isValidIdNumber(' 11010519491231002x ', today)).toBe(true);
  });

  it('rejects a wrong check digit but still reports the parsed parts', () => {
    const info = parseIdNumber('110105194912310021', today);
    expect(info.valid).toBe(false);
    expect(info.problem).toBe('checkDigit');
    expect(info.birthDate).toBe('1949-12-31');
  });

  it.each([
    ['too short', '11010519491231002'],
    ['letters inside', '1101051949A231002X'],
    ['15-digit legacy number', '110105491231002'],
  ])('rejects the format: %s', (_label, value) => {
    expect(parseIdNumber(value, today).problem).toBe('format');
  });

  it('rejects an impossible province prefix', () => {
    const first17 = '99010519491231002';
    expect(parseIdNumber(first17 + idNumberCheckChar(first17), today).problem).toBe('region');
  });

  it.each([
    ['30 February', '11010519900230001'],
    ['a future birth date', '11010520300101001'],
    ['older than 150 years', '11010518000101001'],
  ])('rejects %s', (_label, first17) => {
    expect(parseIdNumber(first17 + idNumberCheckChar(first17), today).problem).toBe('birthDate');
  });
});
