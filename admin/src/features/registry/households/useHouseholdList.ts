import { reactive, ref } from 'vue';
import { HouseholdType, type HouseholdVO } from '@zhili/shared';
import { householdsApi, type HouseholdFilterQuery } from '@/api/registry';
import { useCrudList } from '@/components/crud/useCrudList';

export interface HouseholdListFilters {
  regionId: string;
  type: HouseholdType | '';
  q: string;
}

export const emptyHouseholdFilters = (): HouseholdListFilters => ({ regionId: '', type: '', q: '' });

export function toHouseholdQuery(f: HouseholdListFilters): HouseholdFilterQuery {
  return { regionId: f.regionId || undefined, type: f.type, q: f.q.trim() || undefined };
}

const allTypes = Object.values(HouseholdType);

/**
 * 户 list plus the number of households of each type under the same region/keyword filters (one
 * `pageSize=1` query per type: the totals are what the tabs show).
 */
export function useHouseholdList() {
  const list = useCrudList<HouseholdVO, HouseholdListFilters>({
    fetch: ({ page, pageSize, filters }) => householdsApi.list({ page, pageSize, ...toHouseholdQuery(filters) }),
    filters: emptyHouseholdFilters,
    failMessage: '户列表加载失败',
  });
  const counts = reactive<Record<HouseholdType | 'all', number | null>>({
    all: null,
    resident: null,
    floating: null,
    empty: null,
  });
  const countsLoading = ref(false);

  async function loadCounts(): Promise<void> {
    countsLoading.value = true;
    const base = toHouseholdQuery({ ...list.filters, type: '' });
    try {
      const totals = await Promise.all(
        (['', ...allTypes] as const).map((type) =>
          householdsApi.list({ page: 1, pageSize: 1, ...base, type }).then((r) => r.page.total),
        ),
      );
      counts.all = totals[0];
      allTypes.forEach((t, i) => (counts[t] = totals[i + 1]));
    } catch {
      // the list shows the error
    } finally {
      countsLoading.value = false;
    }
  }

  return { ...list, counts, countsLoading, loadCounts };
}
