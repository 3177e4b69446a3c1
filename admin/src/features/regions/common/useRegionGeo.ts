import { computed, ref, shallowRef } from 'vue';
import type { RegionFeature } from '@zhili/shared';
import { regionsApi } from '@/api/regions';
import { useRegions } from '@/features/system/regions/useRegions';
import { errorText } from '@/ui/form-errors';

/**
 * The caller's regions (flat list + tree) together with their boundaries as GeoJSON features
 * (with counts and workers). `reloadGeo` refreshes only the features, e.g. after a boundary save.
 */
export function useRegionGeo() {
  const regionState = useRegions();
  const features = shallowRef<RegionFeature[]>([]);
  const geoLoading = ref(false);
  const geoError = ref('');
  const featureById = computed(() => new Map(features.value.map((f) => [f.id, f])));

  async function reloadGeo(): Promise<void> {
    geoLoading.value = true;
    geoError.value = '';
    try {
      features.value = (await regionsApi.geojson()).features;
    } catch (err) {
      geoError.value = errorText(err, '边界数据加载失败');
    } finally {
      geoLoading.value = false;
    }
  }

  async function reloadAll(): Promise<void> {
    await Promise.all([regionState.load(), reloadGeo()]);
  }

  return { ...regionState, features, featureById, geoLoading, geoError, reloadGeo, reloadAll };
}
