import { ref, shallowRef } from 'vue';
import type { PartyOrgVO } from '@zhili/shared';
import { errorText } from '@/ui/form-errors';
import { orgsApi } from '../party-api';

/** The caller's organisation tree (flat, parents first), for selects and the tree page. */
export function useOrgTree() {
  const orgs = shallowRef<PartyOrgVO[]>([]);
  const loading = ref(false);
  const error = ref('');

  async function load(includeClosed = false): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      orgs.value = await orgsApi.tree(includeClosed);
    } catch (err) {
      error.value = errorText(err, '党组织加载失败');
    } finally {
      loading.value = false;
    }
  }

  return { orgs, loading, error, load };
}
