import { RuleType } from '@midwayjs/validate';
import { fieldSpecOf, hasControlCharacters, inputRuleViolations, isCalendarDate, oversizedArrays } from './input-rules';

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

  const schema = RuleType.object({
    name: RuleType.string(),
    description: RuleType.string(),
    from: RuleType.string().pattern(/^\d{4}-\d{2}-\d{2}$/),
    at: RuleType.string().isoDate(),
    days: RuleType.array().items(
      RuleType.object({ date: RuleType.string().pattern(/^\d{4}-\d{2}-\d{2}$/), name: RuleType.string() }),
    ),
    status: RuleType.alternatives().try(RuleType.array().items(RuleType.string()), RuleType.string()),
    code: RuleType.string().pattern(/^\d{4}-\d{2}$/),
  });
  const spec = fieldSpecOf(schema);

  it('finds date fields from the schema, nested ones included, and reports field paths', () => {
    expect(inputRuleViolations(spec, { from: '2026-13-45' })).toEqual([
      { field: 'from', message: expect.stringMatching(/日期/) },
    ]);
    expect(inputRuleViolations(spec, { at: '2026-02-30T10:00:00Z' }).map((d) => d.field)).toEqual(['at']);
    expect(
      inputRuleViolations(spec, {
        days: [
          { date: '2026-10-01', name: '国庆' },
          { date: '2026-02-31', name: 'x' },
        ],
      }).map((d) => d.field),
    ).toEqual(['days.1.date']);
    // A string that merely looks like a bad date in a non-date field is left to that field's rule.
    expect(inputRuleViolations(spec, { name: '2026-13-45', code: '2026-13' })).toEqual([]);
    expect(inputRuleViolations(spec, { from: '2026-12-06', at: '2026-12-06T08:00:00Z' })).toEqual([]);
  });

  it('checks every string, in arrays and alternatives too, by its field name', () => {
    expect(inputRuleViolations(spec, { name: '张\u0000三' })).toEqual([
      { field: 'name', message: '不能包含控制字符或换行' },
    ]);
    expect(inputRuleViolations(spec, { name: '张\n三' }).map((d) => d.field)).toEqual(['name']);
    expect(inputRuleViolations(spec, { description: '第一行\n第二行\t说明' })).toEqual([]);
    expect(inputRuleViolations(spec, { description: '带\u0000空字符' }).map((d) => d.message)).toEqual([
      '不能包含控制字符（换行和制表符除外）',
    ]);
    expect(inputRuleViolations(spec, { status: ['a', 'b\u0001'] }).map((d) => d.field)).toEqual(['status.1']);
    expect(
      inputRuleViolations(spec, { days: [{ date: '2026-10-01', name: '国\u0085庆' }] }).map((d) => d.field),
    ).toEqual(['days.0.name']);
    // Values the schema did not describe (a pipe's plain string) are still checked.
    expect(inputRuleViolations(null, 'x\u0000').length).toBe(1);
  });

  it('finds arrays longer than their schema allows before Joi walks them (also inside alternatives)', () => {
    const limited = fieldSpecOf(
      RuleType.object({
        tags: RuleType.array()
          .items(RuleType.string().messages({ 'string.base': 'x' }))
          .max(32),
        status: RuleType.alternatives().try(RuleType.array().items(RuleType.string()).max(20), RuleType.string()),
        days: RuleType.array()
          .items(RuleType.object({ ids: RuleType.array().items(RuleType.string()).max(2) }))
          .max(5),
        geo: RuleType.object().unknown(true),
      }),
    );
    expect(oversizedArrays(limited, { tags: new Array(150_000).fill('a') })).toEqual([
      { field: 'tags', message: '最多 32 项' },
    ]);
    expect(oversizedArrays(limited, { status: new Array(21).fill('a') }).map((d) => d.field)).toEqual(['status']);
    expect(oversizedArrays(limited, { tags: ['a'], status: 'a,b' })).toEqual([]);
    // Arrays the schema does not describe (free GeoJSON) are not limited here.
    expect(oversizedArrays(limited, { geo: { coordinates: new Array(50_000).fill([1, 2]) } })).toEqual([]);
  });

  it('refuses an over-long array with the schema’s own message, as Joi would have', () => {
    const photos = fieldSpecOf(
      RuleType.object({
        photoIds: RuleType.array().items(RuleType.string()).max(9).messages({ 'array.max': '照片最多 9 张' }),
        ids: RuleType.array()
          .items(RuleType.string())
          .max(3)
          .messages({ 'array.max': '{{#label}} 最多 {{#limit}} 个' }),
      }),
    );
    expect(oversizedArrays(photos, { photoIds: new Array(10).fill('a') })).toEqual([
      { field: 'photoIds', message: '照片最多 9 张' },
    ]);
    expect(oversizedArrays(photos, { ids: new Array(4).fill('a') })).toEqual([{ field: 'ids', message: '最多 3 个' }]);
  });
});
