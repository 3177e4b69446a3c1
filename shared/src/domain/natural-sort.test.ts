import { chineseNumeralValue, naturalCompare, naturalSortBy } from './natural-sort';

const sorted = (names: string[]) => [...names].sort(naturalCompare);

describe('natural sort', () => {
  it('orders Chinese ordinals by value, not by pinyin (第二, 第三, 第一 was the bug)', () => {
    expect(
      sorted(['幸福村第二网格', '幸福村第三网格', '幸福村第一网格', '幸福村第十网格', '幸福村第十一网格']),
    ).toEqual(['幸福村第一网格', '幸福村第二网格', '幸福村第三网格', '幸福村第十网格', '幸福村第十一网格']);
  });

  it('orders house numbers by value (10号…19号 came before 1号)', () => {
    const houses = ['10号', '1号', '19号', '2号', '11号', '3号楼1单元302', '3号楼1单元1201', '12号楼'];
    expect(sorted(houses)).toEqual(['1号', '2号', '3号楼1单元302', '3号楼1单元1201', '10号', '11号', '12号楼', '19号']);
  });

  it('reads full-width digits and Chinese numerals with units', () => {
    expect(sorted(['１２号', '３号'])).toEqual(['３号', '１２号']);
    expect(
      [
        ['十', 10],
        ['十一', 11],
        ['二十三', 23],
        ['一百零五', 105],
        ['两千', 2000],
        ['三万五千', 35000],
        ['二〇二六', 2026],
        ['一二', 12],
      ].map(([s]) => chineseNumeralValue(s as string)),
    ).toEqual([10, 11, 23, 105, 2000, 35000, 2026, 12]);
  });

  it('falls back to the Chinese collation for text and is a consistent total order', () => {
    const names = ['和谐村', '幸福村', '东村', '西村', '东村', '1组', '01组'];
    const once = sorted(names);
    expect(sorted([...names].reverse())).toEqual(once);
    expect(once.slice(0, 2).sort()).toEqual(['01组', '1组']);
    for (const a of names)
      for (const b of names) expect(Math.sign(naturalCompare(a, b)) + Math.sign(naturalCompare(b, a))).toBe(0);
    expect(naturalCompare('东村', '西村')).toBeLessThan(0);
  });

  it('sorts records by a key without touching the input', () => {
    const input = [{ name: '第二组' }, { name: '第一组' }];
    expect(naturalSortBy(input, (r) => r.name).map((r) => r.name)).toEqual(['第一组', '第二组']);
    expect(input[0].name).toBe('第二组');
  });
});
