import { computed, ref, shallowRef } from 'vue';
import type { TagDefinitionVO } from '@zhili/shared';
import { tagsApi } from '@/api/registry';

/** Shared across pages of one session: the tag list rarely changes, `reload` after edits. */
const tags = shallowRef<TagDefinitionVO[]>([]);
const loading = ref(false);
let pending: Promise<void> | null = null;

async function fetchTags(): Promise<void> {
  loading.value = true;
  try {
    tags.value = await tagsApi.list();
  } catch {
    // pickers then offer no tags; the tags page shows its own error
  } finally {
    loading.value = false;
    pending = null;
  }
}

/** The managed person tags (code → name, colour), loaded once. */
export function useTagCatalog() {
  if (tags.value.length === 0 && !pending) pending = fetchTags();
  const byCode = computed(() => new Map(tags.value.map((t) => [t.code, t])));
  const activeTags = computed(() => tags.value.filter((t) => t.active));
  function reload(): Promise<void> {
    pending ??= fetchTags();
    return pending;
  }
  return { tags, activeTags, byCode, loading, reload };
}
