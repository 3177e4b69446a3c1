import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export interface RemoteSearch<T> {
  options: ShallowRef<T[]>;
  loading: Ref<boolean>;
  /** For el-select's `remote-method`: an empty term clears the options. */
  search: (q: string) => Promise<void>;
}

/**
 * Options of a remote-search select. Only the answer to the latest term is kept, so a slow answer
 * to an earlier keystroke cannot overwrite a newer one; a failed search shows no options (the
 * request client has already told the user why).
 */
export function useRemoteSearch<T>(find: (term: string) => Promise<T[]>): RemoteSearch<T> {
  const options = shallowRef<T[]>([]);
  const loading = ref(false);
  let seq = 0;

  async function search(q: string): Promise<void> {
    const term = q.trim();
    const mine = ++seq;
    if (!term) {
      options.value = [];
      loading.value = false;
      return;
    }
    loading.value = true;
    try {
      const found = await find(term);
      if (mine === seq) options.value = found;
    } catch {
      if (mine === seq) options.value = [];
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  return { options, loading, search };
}
