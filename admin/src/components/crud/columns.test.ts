import { describe, expect, it } from 'vitest';
import { cellText, type CrudColumn } from './columns';

interface Row {
  name: string;
  age: number | null;
  phone?: string | null;
}

describe('cellText', () => {
  it('shows the formatter first, then the property, and a dash for nothing', () => {
    const row: Row = { name: '张三', age: 0, phone: null };
    const byProp: CrudColumn<Row> = { key: 'name', label: '姓名' };
    const formatted: CrudColumn<Row> = {
      key: 'age',
      label: '年龄',
      text: (r) => (r.age === null ? null : `${r.age} 岁`),
    };
    expect(cellText(byProp, row)).toBe('张三');
    expect(cellText(formatted, row)).toBe('0 岁');
    expect(cellText({ key: 'age', label: '年龄' }, row)).toBe('0');
    expect(cellText({ key: 'phone', label: '手机号' }, row)).toBe('—');
    expect(cellText({ key: 'name', label: '姓名', text: () => '' }, row)).toBe('—');
  });
});
