import { reactive, ref, shallowRef, watch, type UnwrapNestedRefs } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import type { ApiList } from '@zhili/shared';
import { toastSuccess } from '@/ui/feedback';
import { errorText } from '@/ui/form-errors';
import { confirmAndRun, type ConfirmedStep } from './confirm-run';
import { filtersFromQuery, filtersToQuery, pageFromQuery, sameQuery, type FilterShape } from './url-filters';

/** A column sort as the list keeps it (`null`: the server's default order). */
export interface ListSort {
  prop: string;
  order: 'asc' | 'desc';
}

export interface ListRequest<F> {
  page: number;
  pageSize: number;
  filters: F;
  sort: ListSort | null;
}

export interface CrudListOptions<T, F extends FilterShape<F>> {
  /** One page (or, for short unpaged lists, every row). */
  fetch: (request: ListRequest<UnwrapNestedRefs<F>>) => Promise<ApiList<T> | T[]>;
  /** The filters' starting values; they also fix each filter's type in the URL. */
  filters?: () => F;
  /** Shown in the inline error alert when a load fails. */
  failMessage: string;
  pageSize?: number;
  /** Mirror filters and paging in the URL query (default true). */
  syncUrl?: boolean;
}

/**
 * State and actions of a filter / paginate / edit screen: the newest load wins (stale answers are
 * dropped), a new filter goes back to page 1, filters and page live in the URL, errors are kept for
 * an inline alert with a retry, deletes are confirmed, and the list reloads after an edit.
 */
export function useCrudList<T, F extends FilterShape<F> = Record<never, never>>(options: CrudListOptions<T, F>) {
  const route = useRoute();
  const router = useRouter();
  const initial = options.filters ?? ((): F => ({}) as F);
  const syncUrl = options.syncUrl ?? true;
  const pageDefaults = { page: 1, pageSize: options.pageSize ?? 20 };
  const fromUrl = syncUrl ? pageFromQuery(route.query, pageDefaults) : pageDefaults;

  const filters = reactive(syncUrl ? filtersFromQuery(route.query, initial()) : initial());
  const page = ref(fromUrl.page);
  const size = ref(fromUrl.pageSize);
  const sort = shallowRef<ListSort | null>(null);
  const total = ref(0);
  const rows = shallowRef<T[]>([]);
  const loading = ref(false);
  const error = ref('');
  let seq = 0;

  const pageName = route.name;
  const managedKeys = new Set([...Object.keys(initial()), 'page', 'pageSize']);

  function urlQuery(): LocationQueryRaw {
    const state = { page: page.value, pageSize: size.value };
    return filtersToQuery(filters as F, initial(), { state, defaults: pageDefaults });
  }

  /** The URL's keys this list writes (others, such as a page's own parameters, stay untouched). */
  function managedPart(query: LocationQuery): LocationQuery {
    return Object.fromEntries(Object.entries(query).filter(([key]) => managedKeys.has(key)));
  }

  async function writeUrl(): Promise<void> {
    if (!syncUrl || route.name !== pageName || sameQuery(urlQuery(), managedPart(route.query))) return;
    const kept = Object.fromEntries(Object.entries(route.query).filter(([key]) => !managedKeys.has(key)));
    await router.replace({ query: { ...kept, ...urlQuery() } });
  }

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = '';
    try {
      await writeUrl();
      const result = await options.fetch({ page: page.value, pageSize: size.value, filters, sort: sort.value });
      if (mine !== seq) return; // a newer load superseded this one
      rows.value = Array.isArray(result) ? result : result.data;
      total.value = Array.isArray(result) ? result.length : result.page.total;
    } catch (err) {
      if (mine === seq) error.value = errorText(err, options.failMessage);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /** New filter values: back to the first page. */
  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function resetFilters(): Promise<void> {
    Object.assign(filters, initial());
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

  /** `el-table`'s sort-change event; only the props in `allowed` are sorted by the server. */
  function setSort(
    event: { prop: string | null; order: 'ascending' | 'descending' | null },
    allowed: readonly string[],
  ): void {
    sort.value =
      event.order && event.prop && allowed.includes(event.prop)
        ? { prop: event.prop, order: event.order === 'descending' ? 'desc' : 'asc' }
        : null;
    void search();
  }

  /** Asks first; reloads after a delete. Resolves to whether the row was deleted. */
  async function remove(step: ConfirmedStep): Promise<boolean> {
    if (!(await confirmAndRun(step))) return false;
    await load();
    return true;
  }

  /** After a create or an edit dialog: say so and show the list as it is now. */
  function saved(message: string): void {
    toastSuccess(message);
    void load();
  }

  // Back/forward or a link to the same page with other filters: take the URL's values.
  if (syncUrl) {
    watch(
      () => route.query,
      (query) => {
        // Also fires while leaving for another page: that page's query is none of this list's business.
        if (route.name !== pageName || sameQuery(urlQuery(), managedPart(query))) return;
        Object.assign(filters, filtersFromQuery(query, initial()));
        const paging = pageFromQuery(query, pageDefaults);
        page.value = paging.page;
        size.value = paging.pageSize;
        void load();
      },
    );
  }

  return {
    filters,
    page,
    size,
    sort,
    total,
    rows,
    loading,
    error,
    load,
    search,
    resetFilters,
    setPage,
    setPageSize,
    setSort,
    remove,
    saved,
  };
}

export type CrudList<T, F extends FilterShape<F> = Record<never, never>> = ReturnType<typeof useCrudList<T, F>>;
