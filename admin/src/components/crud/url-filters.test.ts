import { describe, expect, it } from 'vitest';
import { filtersFromQuery, filtersToQuery, pageFromQuery, sameQuery } from './url-filters';

interface PersonLike {
  regionId: string;
  tags: string[];
  ageMin: number | null;
  gender: 'male' | 'female' | '';
}

const defaults = (): PersonLike => ({ regionId: '', tags: [], ageMin: null, gender: '' });
const paging = { page: 1, pageSize: 20 };

describe('filtersToQuery', () => {
  it('writes only the values that differ from the defaults', () => {
    expect(filtersToQuery(defaults(), defaults())).toEqual({});
    expect(
      filtersToQuery({ regionId: 'r1', tags: ['elderly', 'disabled'], ageMin: 60, gender: '' }, defaults()),
    ).toEqual({
      regionId: 'r1',
      tags: ['elderly', 'disabled'],
      ageMin: '60',
    });
  });

  it('adds page and page size when they are not the first page of the default size', () => {
    expect(filtersToQuery(defaults(), defaults(), { state: { page: 3, pageSize: 20 }, defaults: paging })).toEqual({
      page: '3',
    });
    expect(filtersToQuery(defaults(), defaults(), { state: { page: 1, pageSize: 50 }, defaults: paging })).toEqual({
      pageSize: '50',
    });
  });
});

describe('filtersFromQuery', () => {
  it('reads back what filtersToQuery wrote', () => {
    const filters: PersonLike = { regionId: 'r1', tags: ['elderly'], ageMin: 0, gender: 'female' };
    const query = Object.fromEntries(
      Object.entries(filtersToQuery(filters, defaults())).map(([k, v]) => [k, v as string | string[]]),
    );
    expect(filtersFromQuery(query, defaults())).toEqual(filters);
  });

  it('keeps defaults for missing keys, unknown keys and numbers that are not numbers', () => {
    expect(filtersFromQuery({ ageMin: 'abc', other: 'x', gender: '' }, defaults())).toEqual(defaults());
  });

  it('reads switches as true or false', () => {
    const switches = (): { overdue: boolean; mine: boolean } => ({ overdue: false, mine: true });
    expect(filtersToQuery({ overdue: true, mine: false }, switches())).toEqual({ overdue: 'true', mine: 'false' });
    expect(filtersFromQuery({ overdue: 'true', mine: 'false' }, switches())).toEqual({ overdue: true, mine: false });
  });

  it('turns a single value into a list where the filter is a list', () => {
    expect(filtersFromQuery({ tags: 'elderly' }, defaults()).tags).toEqual(['elderly']);
  });
});

describe('pageFromQuery', () => {
  it('accepts positive whole numbers only', () => {
    expect(pageFromQuery({ page: '4', pageSize: '50' }, paging)).toEqual({ page: 4, pageSize: 50 });
    expect(pageFromQuery({ page: '-1', pageSize: '2.5' }, paging)).toEqual(paging);
  });
});

describe('sameQuery', () => {
  it('ignores key order and undefined values', () => {
    expect(sameQuery({ a: '1', b: ['x'] }, { b: ['x'], a: '1', c: undefined })).toBe(true);
    expect(sameQuery({ a: '1' }, { a: '2' })).toBe(false);
  });
});
