import { computed, ref, shallowRef } from 'vue';
import { regionsApi, type Region } from '@/api/regions';
import { errorText } from '@/ui/form-errors';
import { buildRegionTree } from './region-tree';

/** The caller's region subtree (flat + tree) with loading and error state. */
export function useRegions() {
  const regions = shallowRef<Region[]>([]);
  const loading = ref(false);
  const error = ref('');
  const tree = computed(() => buildRegionTree(regions.value));
  const byId = computed(() => new Map(regions.value.map((r) => [r.id, r])));

  async function load(): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      regions.value = await regionsApi.list();
    } catch (err) {
      error.value = errorText(err, '区域加载失败');
    } finally {
      loading.value = false;
    }
  }

  return { regions, tree, byId, loading, error, load };
}
