import { isValidMobile, normalizeMobile } from './phone';
import { maskIdNumber, maskName, maskPhone } from './masking';

describe('mainland mobile numbers', () => {
  it.each(['13812345678', '+86 138-1234-5678', '8619912345678'])('accepts %s', (value) => {
    expect(isValidMobile(value)).toBe(true);
  });
  it('normalizes away the country prefix and separators', () => {
    expect(normalizeMobile('+86 138 1234 5678')).toBe('13812345678');
  });
  it.each(['12812345678', '1381234567', '138123456789', '', 'abc'])('rejects %s', (value) => {
    expect(normalizeMobile(value)).toBeNull();
  });
});

describe('masking', () => {
  it('masks the middle four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps the first three and last four characters of an ID number', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
  });
  it('never returns short values unmasked', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskIdNumber('1234')).toBe('****');
  });
  it('keeps only the surname of a name', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧')).toBe('欧');
  });
});
