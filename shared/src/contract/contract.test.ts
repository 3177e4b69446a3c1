import { allRoutes, contract } from './table';
import { fillPath } from './define';
import { pageQuery, qBool, qList } from './fields';
import { z, zhIssueMessage } from './zod';

const parse = (schema: z.ZodType, value: unknown) => schema.safeParse(value, { error: zhIssueMessage });

describe('the contract table', () => {
  it('has one route per method and path, each with a summary, a docs group and an audience', () => {
    const routes = allRoutes(contract);
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of routes) {
      expect(r.path).toMatch(/^\/(api|open311)\//);
      expect(r.summary.length).toBeGreaterThan(2);
      expect(r.tag.length).toBeGreaterThan(2);
      // A route without a response schema must say it answers 204 or a file.
      if (r.response === null) expect(r.status === 204 || r.responseKind === 'file').toBe(true);
    }
  });

  it('declares exactly the path parameters its path names', () => {
    for (const r of allRoutes(contract)) {
      const named = [...r.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]).sort();
      expect([r.method, r.path, Object.keys(r.params?.shape ?? {}).sort()]).toEqual([r.method, r.path, named]);
    }
  });
});

describe('fillPath', () => {
  it('encodes parameters and refuses a missing one', () => {
    expect(fillPath('/api/admin/tags/:code', { code: 'a/b c' })).toBe('/api/admin/tags/a%2Fb%20c');
    expect(() => fillPath('/api/admin/tags/:code', {})).toThrow(/code/);
  });
});

describe('query building blocks', () => {
  const q = z.object({ ...pageQuery(), active: qBool(), tag: qList(z.string(), 3) });

  it('reads numbers, booleans and lists from query text, blank as absent', () => {
    expect(parse(q, { page: '2', pageSize: '', active: 'false', tag: 'a,b' }).data).toEqual({
      page: 2,
      pageSize: 20,
      active: false,
      tag: ['a', 'b'],
    });
    expect(parse(q, { tag: ['a', 'b,c'] }).data).toEqual({ page: 1, pageSize: 20, tag: ['a', 'b', 'c'] });
  });

  it('words refusals in Chinese', () => {
    const r = parse(q, { page: '0', pageSize: '101', active: 'yes', tag: 'a,b,c,d' });
    expect(r.success).toBe(false);
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      page: '不能小于 1',
      pageSize: '不能大于 100',
      active: '应为 true 或 false',
      tag: '最多 3 项',
    });
  });

  it('says 必填 for a missing field and names impossible dates', () => {
    const body = z.strictObject({ name: z.string().trim().min(1), day: z.iso.date() });
    const r = parse(body, { day: '2026-02-30', extra: 1 });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', '必填'],
      ['day', '日期或时间不存在或格式不对，请填写真实的日期'],
      ['', '不支持的字段：extra'],
    ]);
    expect(parse(body, { name: '  ', day: '2024-02-29' }).error!.issues[0].message).toBe('不能为空');
  });
});
