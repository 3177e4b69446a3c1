import type { Gender, HukouType, PersonStatus, PersonVO } from '@zhili/shared';
import { personsApi, type PersonFilterQuery } from '@/api/registry';
import { useCrudList, type ListSort } from '@/components/crud/useCrudList';

export interface PersonListFilters {
  regionId: string;
  tags: string[];
  q: string;
  gender: Gender | '';
  hukouType: HukouType | '';
  status: PersonStatus | 'all' | '';
  ageMin: number | null;
  ageMax: number | null;
}

export const emptyPersonFilters = (): PersonListFilters => ({
  regionId: '',
  tags: [],
  q: '',
  gender: '',
  hukouType: '',
  status: '',
  ageMin: null,
  ageMax: null,
});

/** Columns the BFF sorts persons by (`birthDate` is the 年龄 column). */
export const personSortProps = ['name', 'birthDate'] as const;
type PersonSortProp = (typeof personSortProps)[number];

const isPersonSortProp = (prop: string): prop is PersonSortProp =>
  (personSortProps as readonly string[]).includes(prop);

/** The filters (and column sort) as the BFF and the export take them. */
export function toPersonQuery(f: PersonListFilters, sort: ListSort | null): PersonFilterQuery {
  return {
    regionId: f.regionId || undefined,
    tag: [...f.tags],
    q: f.q.trim() || undefined,
    gender: f.gender,
    hukouType: f.hukouType,
    status: f.status,
    ageMin: f.ageMin,
    ageMax: f.ageMax,
    ...(sort && isPersonSortProp(sort.prop) ? { sort: sort.prop, order: sort.order } : {}),
  };
}

/** 人口 list (server-side filters, sort and paging, scoped by the BFF). */
export function usePersonList() {
  return useCrudList<PersonVO, PersonListFilters>({
    fetch: ({ page, pageSize, filters, sort }) => personsApi.list({ page, pageSize, ...toPersonQuery(filters, sort) }),
    filters: emptyPersonFilters,
    failMessage: '人口列表加载失败',
  });
}
