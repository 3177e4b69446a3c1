import { reactive, ref } from 'vue';
import type { CaseListItemVO } from '@zhili/shared';
import { casesApi } from '@/api/cases';
import { useCrudList } from '@/components/crud/useCrudList';
import type { CaseChangedEvent } from '@/realtime/case-events';
import {
  DEFAULT_SORT,
  emptyCaseFilters,
  matchesFilters,
  toCaseQuery,
  type CaseFilters,
  type MatchContext,
} from '../common/case-filters';

/** How long a new or changed row stays highlighted. */
const FLASH_MS = 4_000;

/**
 * 工单受理 list: server-paged, filtered and sorted; live events update rows in place and put new
 * matching cases at the top of the first page (highlighted for a moment). New cases that cannot
 * be placed (another page or sort order) are counted so the page can offer a refresh.
 */
export function useCaseInbox(context: () => MatchContext) {
  const list = useCrudList<CaseListItemVO, CaseFilters>({
    fetch: ({ page, pageSize, filters }) => casesApi.list({ page, pageSize, ...toCaseQuery(filters) }),
    filters: emptyCaseFilters,
    failMessage: '工单列表加载失败',
    // The inbox reads its own query (links from the dashboard, saved views): no URL mirroring here.
    syncUrl: false,
  });
  const flashing = reactive(new Set<string>());
  /** New cases since the last load that are not shown. */
  const unseen = ref(0);

  function flash(id: string): void {
    flashing.add(id);
    setTimeout(() => flashing.delete(id), FLASH_MS);
  }

  function apply(event: CaseChangedEvent): void {
    const item = event.case;
    const rows = list.rows.value;
    const index = rows.findIndex((r) => r.id === item.id);
    if (index >= 0) {
      list.rows.value = rows.map((r, i) => (i === index ? item : r));
      flash(item.id);
      return;
    }
    if (event.type !== 'created' || !matchesFilters(item, list.filters, context())) return;
    if (list.page.value === 1 && list.filters.sort === DEFAULT_SORT) {
      list.rows.value = [item, ...rows].slice(0, list.size.value);
      list.total.value += 1;
      flash(item.id);
    } else {
      unseen.value += 1;
    }
  }

  async function load(): Promise<void> {
    unseen.value = 0;
    await list.load();
  }

  async function search(): Promise<void> {
    unseen.value = 0;
    await list.search();
  }

  return { ...list, load, search, flashing, unseen, apply };
}
