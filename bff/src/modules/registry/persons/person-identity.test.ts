import { idNumberCheckChar } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { exactSearchNumber, isCalendarDate, resolveIdentity, resolvePhone } from './person-identity';

const first17 = '11010119900307123';
const valid = first17 + idNumberCheckChar(first17);
const today = new Date('2025-01-01T00:00:00Z');

function problemOf(fn: () => unknown): { field: string; message: string } | undefined {
  try {
    fn();
  } catch (err) {
    return (err as AppError).details?.[0];
  }
  return undefined;
}

describe('person identity rules', () => {
  it('derives gender and birth date from a valid ID number and normalizes a lower-case x', () => {
    expect(resolveIdentity({ idNumber: ` ${valid.toLowerCase()} ` }, today)).toEqual({
      idNumber: valid,
      gender: 'male',
      birthDate: '1990-03-07',
    });
    expect(resolveIdentity({ idNumber: '', gender: 'male', birthDate: '1980-01-01' }, today)).toEqual({
      idNumber: null,
      gender: 'male',
      birthDate: '1980-01-01',
    });
  });

  it('names the field and the problem in Chinese', () => {
    const wrongCheck = first17 + (valid[17] === '0' ? '1' : '0');
    expect(problemOf(() => resolveIdentity({ idNumber: wrongCheck }, today))).toEqual({
      field: 'idNumber',
      message: '身份证号校验位错误，请核对后重新输入',
    });
    expect(problemOf(() => resolveIdentity({ idNumber: '12345' }, today))?.field).toBe('idNumber');
    expect(problemOf(() => resolveIdentity({ idNumber: valid, gender: 'female' }, today))).toEqual({
      field: 'gender',
      message: '性别与身份证号不符',
    });
    expect(problemOf(() => resolveIdentity({ idNumber: valid, birthDate: '1990-03-08' }, today))?.field).toBe(
      'birthDate',
    );
    expect(problemOf(() => resolvePhone('1381234567'))?.field).toBe('phone');
  });

  it('accepts mobiles with +86 and separators, and treats blank as no phone', () => {
    expect(resolvePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(resolvePhone('  ')).toBeNull();
    expect(resolvePhone(null)).toBeNull();
  });

  it('recognises only full, valid numbers as exact searches', () => {
    expect(exactSearchNumber(valid.toLowerCase(), today)).toBe(valid);
    expect(exactSearchNumber('13812345678', today)).toBe('13812345678');
    expect(exactSearchNumber(valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0'), today)).toBeNull();
    expect(exactSearchNumber('1381234', today)).toBeNull();
    expect(exactSearchNumber('张', today)).toBeNull();
  });

  it('checks calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-2-1')).toBe(false);
  });
});
