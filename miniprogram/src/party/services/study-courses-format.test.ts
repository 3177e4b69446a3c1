import { courseDates, lessonMinutes } from './study-courses-format';

describe('course formats', () => {
  it('says when a course is open', () => {
    expect(courseDates({ opensOn: '2026-12-01', closesOn: '2026-12-31' })).toBe('2026-12-01 至 2026-12-31');
    expect(courseDates({ opensOn: '2026-12-01', closesOn: null })).toBe('2026-12-01 起');
    expect(courseDates({ opensOn: null, closesOn: '2026-12-31' })).toBe('截至 2026-12-31');
    expect(courseDates({ opensOn: null, closesOn: null })).toBe('长期开放');
  });

  it('reads lesson lengths in minutes', () => {
    expect(lessonMinutes(null)).toBe('');
    expect(lessonMinutes(20_000)).toBe('1 分钟');
    expect(lessonMinutes(30 * 60_000)).toBe('30 分钟');
    expect(lessonMinutes(65 * 60_000)).toBe('1 小时 5 分钟');
  });
});
