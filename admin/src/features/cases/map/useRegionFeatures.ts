import { shallowRef } from 'vue';
import type { RegionFeature } from '@zhili/shared';
import { regionsApi } from '@/api/regions';

/** Boundaries change rarely; the inbox → detail → map round trip should not refetch them each time. */
const TTL_MS = 5 * 60_000;
let cached: { at: number; features: RegionFeature[] } | null = null;
let pending: Promise<RegionFeature[]> | null = null;

async function fetchFeatures(): Promise<RegionFeature[]> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.features;
  pending ??= regionsApi
    .geojson()
    .then((fc) => {
      cached = { at: Date.now(), features: fc.features };
      return fc.features;
    })
    .catch(() => [] as RegionFeature[]) // markers still show on the blank grid
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** The caller's region boundaries for the case maps (shared, cached for a few minutes). */
export function useRegionFeatures() {
  const features = shallowRef<RegionFeature[]>(cached?.features ?? []);
  const ready = fetchFeatures().then((f) => {
    features.value = f;
  });
  return { features, ready };
}
