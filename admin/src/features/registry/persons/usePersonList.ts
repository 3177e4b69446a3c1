import type { Gender, HukouType, PersonStatus, PersonVO } from '@zhili/shared';
import { personsApi, type PersonFilterQuery } from '@/api/registry';
import { usePagedList } from '../common/usePagedList';

export interface PersonListFilters {
  regionId: string;
  tags: string[];
  q: string;
  gender: Gender | '';
  hukouType: HukouType | '';
  status: PersonStatus | 'all' | '';
  ageMin: number | null;
  ageMax: number | null;
  sort: 'name' | 'birthDate' | 'createdAt' | '';
  order: 'asc' | 'desc';
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
  sort: '',
  order: 'asc',
});

/** The filters as the BFF (and the export) take them. */
export function toPersonQuery(f: PersonListFilters): PersonFilterQuery {
  return {
    regionId: f.regionId || undefined,
    tag: [...f.tags],
    q: f.q.trim() || undefined,
    gender: f.gender,
    hukouType: f.hukouType,
    status: f.status,
    ageMin: f.ageMin,
    ageMax: f.ageMax,
    ...(f.sort ? { sort: f.sort, order: f.order } : {}),
  };
}

/** 人口 list (server-side filters, sort and paging, scoped by the BFF). */
export function usePersonList() {
  return usePagedList<PersonVO, PersonListFilters>(
    (page, pageSize, filters) => personsApi.list({ page, pageSize, ...toPersonQuery(filters) }),
    emptyPersonFilters,
    '人口列表加载失败',
  );
}
