import { computed, ref, shallowRef } from 'vue';
import type { CaseCategoryVO } from '@zhili/shared';
import { caseCategoriesApi } from '@/api/case-config';

const categories = shallowRef<CaseCategoryVO[]>([]);
const loading = ref(false);
let pending: Promise<void> | null = null;

async function fetchAll(): Promise<void> {
  loading.value = true;
  try {
    categories.value = [...(await caseCategoriesApi.list())].sort((a, b) => a.sortOrder - b.sortOrder);
  } catch {
    // the client already showed the error; the filter then offers no categories
  } finally {
    loading.value = false;
    pending = null;
  }
}

/**
 * Case categories for filters and labels, loaded once per page load and shared by every case
 * screen; `reload()` after editing them in 工单配置.
 */
export function useCaseCategories() {
  if (categories.value.length === 0 && !pending) pending = fetchAll();
  const byCode = computed(() => new Map(categories.value.map((c) => [c.code, c])));
  const departments = computed(() => [
    ...new Set(categories.value.map((c) => c.department).filter((d): d is string => !!d)),
  ]);
  return {
    categories,
    byCode,
    departments,
    loading,
    reload: (): Promise<void> => (pending ??= fetchAll()),
  };
}
