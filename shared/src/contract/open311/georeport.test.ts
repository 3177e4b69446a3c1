import { z, zhIssueMessage } from '../zod';
import { isW3DateTime } from './georeport-args';
import { open311PostFormSchema, open311RequestsQuerySchema } from './georeport';

const messages = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value, { error: zhIssueMessage }).error?.issues.map((i) => i.message) ?? [];

const form = {
  api_key: 'k',
  service_code: 'road',
  lat: '30.2',
  long: '120.1',
  description: '路面塌陷一个大坑',
};

describe('Open311 GeoReport arguments', () => {
  it('reads a POST form: trimmed text, blank as absent, coordinates as numbers, other fields kept aside', () => {
    const parsed = open311PostFormSchema.parse({ ...form, lat: ' 30.2 ', address_id: '', 'attribute[x]': '1' });
    expect(parsed).toMatchObject({ service_code: 'road', lat: 30.2, long: 120.1, description: '路面塌陷一个大坑' });
    expect(parsed.address_id).toBeUndefined();
    expect(open311PostFormSchema.safeParse({ ...form, lat: '', long: '', address_string: '村口' }).success).toBe(true);
  });

  it('lists every problem of a form at once, each naming its argument', () => {
    expect(
      messages(open311PostFormSchema, {
        lat: '95',
        description: '坑',
        phone: '?',
        media_url: 'ftp://x.org/a',
        first_name: 'a'.repeat(33),
      }),
    ).toEqual([
      '缺少 service_code',
      'lat 应为 -90 到 90 之间的数字（WGS84）',
      'description 须填写 5–500 个字',
      'phone 格式不正确',
      'first_name 不能超过 32 个字符',
      'media_url 应为 http(s) 链接',
      '须提供位置：lat 与 long，或 address_string，或 address_id',
    ]);
    // A refused coordinate counts as absent: the other one alone is a half point.
    expect(messages(open311PostFormSchema, { ...form, lat: 'abc' })).toEqual([
      'lat 应为 -90 到 90 之间的数字（WGS84）',
      'lat 和 long 须同时提供',
      '须提供位置：lat 与 long，或 address_string，或 address_id',
    ]);
    expect(messages(open311PostFormSchema, { ...form, description: '长'.repeat(501) })).toEqual([
      'description 不能超过 500 个字',
    ]);
    // Characters as people count them: 500 emoji are 500 characters, not 1000 UTF-16 units.
    expect(messages(open311PostFormSchema, { ...form, description: '🚧'.repeat(500) })).toEqual([]);
  });

  it('refuses a repeated argument and a value that is not text', () => {
    expect(messages(open311PostFormSchema, { ...form, service_code: ['road', 'x'] })).toEqual([
      'service_code 只能出现一次',
    ]);
    expect(messages(open311PostFormSchema, { ...form, lat: 30.2 })).toEqual(['lat 应为文本']);
  });

  it('reads request filters: comma lists (distinct), statuses, w3 dates', () => {
    const q = open311RequestsQuerySchema.parse({
      service_code: 'road, garbage,road',
      status: ['open', 'closed'],
      start_date: '2026-01-01T00:00:00+08:00',
      service_request_id: ',',
    });
    expect(q).toEqual({
      service_code: ['road', 'garbage'],
      status: ['open', 'closed'],
      start_date: new Date('2025-12-31T16:00:00Z'),
    });
    expect(messages(open311RequestsQuerySchema, { status: 'pending' })).toEqual(['status 只能是 open 或 closed']);
    // Too many is refused before the items are read (a huge list costs nothing).
    expect(messages(open311RequestsQuerySchema, { status: 'open,closed,open,x' })).toEqual(['status 最多 2 个']);
    expect(
      messages(open311RequestsQuerySchema, { service_code: Array.from({ length: 101 }, (_, i) => `c${i}`) }),
    ).toEqual(['service_code 最多 100 个']);
  });

  it.each([
    ['2026-01-01T00:00:00Z', true],
    ['2026-01-01T08:00+08:00', true],
    ['2026-01-01T00:00:00.123-05:00', true],
    ['2026-01-01', false],
    ['2026-01-01T00:00:00', false],
    ['2026-02-30T00:00:00Z', false],
    ['2026-01-01T24:00:00Z', false],
    ['yesterday', false],
  ])('judges %s as a w3 date-time: %s', (value, ok) => {
    expect(isW3DateTime(value)).toBe(ok);
  });
});
