import { hasControlCharacters, impossibleDates, inputRuleViolations, isCalendarDate } from './input-rules';

describe('central input rules', () => {
  it.each([
    ['2026-12-06', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-45', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['2026-04-30T23:59:59+08:00', true],
    ['2026-04-30T24:00:00Z', false],
    ['2026-04-30 10:60', false],
    ['not a date', true],
  ])('judges %s as a calendar date: %s', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });

  it('refuses C0, DEL and C1 controls; multi-line text keeps line feeds and tabs', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(hasControlCharacters(`张${c}三`, false)).toBe(true);
      expect(hasControlCharacters(`张${c}三`, true)).toBe(true);
    }
    expect(hasControlCharacters('第一行\n第二行\t\r\n', true)).toBe(false);
    expect(hasControlCharacters('张\n三', false)).toBe(true);
    expect(hasControlCharacters('张三 · Zhang-San（123）', false)).toBe(false);
  });

  it('finds impossible dates in any date-shaped value, nested ones included, with field paths', () => {
    expect(impossibleDates({ from: '2026-13-45' })).toEqual([
      { field: 'from', message: expect.stringMatching(/日期/) },
    ]);
    expect(impossibleDates({ at: '2026-02-30T10:00:00Z' }).map((d) => d.field)).toEqual(['at']);
    expect(
      impossibleDates({
        days: [
          { date: '2026-10-01', name: '国庆' },
          { date: '2026-02-31', name: 'x' },
        ],
      }).map((d) => d.field),
    ).toEqual(['days.1.date']);
    // Only a whole value shaped like a date is judged: codes and free text that merely contain digits are not.
    expect(impossibleDates({ code: '2026-13', name: '2026-13-45 的会议', at: '2026-12-06T08:00:00Z' })).toEqual([]);
  });

  it('checks every string, in arrays and nested objects too, by its field name', () => {
    expect(inputRuleViolations({ name: '张\u0000三' })).toEqual([{ field: 'name', message: '不能包含控制字符或换行' }]);
    expect(inputRuleViolations({ name: '张\n三' }).map((d) => d.field)).toEqual(['name']);
    expect(inputRuleViolations({ description: '第一行\n第二行\t说明' })).toEqual([]);
    // A meeting's minutes (纪要) are written in lines.
    expect(inputRuleViolations({ minutes: '一、传达精神。\n二、研究工作。' })).toEqual([]);
    expect(inputRuleViolations({ description: '带\u0000空字符' }).map((d) => d.message)).toEqual([
      '不能包含控制字符（换行和制表符除外）',
    ]);
    expect(inputRuleViolations({ status: ['a', 'b\u0001'] }).map((d) => d.field)).toEqual(['status.1']);
    expect(inputRuleViolations({ days: [{ date: '2026-10-01', name: '国\u0085庆' }] }).map((d) => d.field)).toEqual([
      'days.0.name',
    ]);
    // A bare value (a path parameter's text) is checked as well.
    expect(inputRuleViolations('x\u0000').length).toBe(1);
  });
});
