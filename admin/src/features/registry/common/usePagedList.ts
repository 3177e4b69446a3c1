import { reactive, ref, shallowRef, type UnwrapNestedRefs } from 'vue';
import type { ApiList } from '@zhili/shared';
import { errorText } from '@/ui/form-errors';

/**
 * Server-paged list with filters: the newest query wins (stale answers are dropped), filter changes
 * go back to page 1, errors are kept for an inline alert with a retry button.
 */
export function usePagedList<T, F extends object>(
  fetchPage: (page: number, pageSize: number, filters: UnwrapNestedRefs<F>) => Promise<ApiList<T>>,
  initialFilters: () => F,
  failMessage: string,
  pageSize = 20,
) {
  const filters = reactive(initialFilters());
  const page = ref(1);
  const size = ref(pageSize);
  const total = ref(0);
  const rows = shallowRef<T[]>([]);
  const loading = ref(false);
  const error = ref('');
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = '';
    try {
      const result = await fetchPage(page.value, size.value, filters);
      if (mine !== seq) return;
      rows.value = result.data;
      total.value = result.page.total;
    } catch (err) {
      if (mine === seq) error.value = errorText(err, failMessage);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function resetFilters(): Promise<void> {
    Object.assign(filters, initialFilters());
    return search();
  }

  function setPage(value: number): void {
    page.value = value;
    void load();
  }

  function setPageSize(value: number): void {
    size.value = value;
    void search();
  }

  return { filters, page, size, total, rows, loading, error, load, search, resetFilters, setPage, setPageSize };
}
