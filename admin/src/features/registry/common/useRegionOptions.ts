import { useRegions } from '@/features/system/regions/useRegions';

let shared: ReturnType<typeof useRegions> | null = null;

/**
 * The caller's region subtree for pickers, loaded once per page load (every registry page has a
 * region filter; reloading the tree on each navigation would be wasted work).
 */
export function useRegionOptions(): ReturnType<typeof useRegions> {
  if (!shared) {
    shared = useRegions();
    void shared.load();
  } else if (shared.regions.value.length === 0 && !shared.loading.value) {
    void shared.load();
  }
  return shared;
}
