import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '@zhili/shared/client';
import type { PickedLocation } from './location';

/**
 * h5: the browser's geolocation gives WGS-84 (Taro's h5 getLocation supports nothing else), which
 * is converted to GCJ-02 like everything else we store. There is no map picker without a map key,
 * so the page falls back to "use my position" plus a typed address.
 */
export type { PickedLocation };

export const canChooseOnMap = false;

export async function currentLocation(): Promise<PickedLocation> {
  const res = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: true, highAccuracyExpireTime: 15000 });
  const [lng, lat] = wgs84ToGcj02([res.longitude, res.latitude]);
  return { lng, lat };
}

export function chooseOnMap(): Promise<PickedLocation> {
  return Promise.reject({ errMsg: 'chooseLocation:fail not supported in h5' });
}

/** Amap's web marker page (GCJ-02), which offers navigation on phones. */
export async function openMap(point: { lng: number; lat: number }, name: string): Promise<void> {
  const url = `https://uri.amap.com/marker?position=${point.lng},${point.lat}&name=${encodeURIComponent(name)}&coordinate=gaode&callnative=1`;
  window.open(url, '_blank', 'noopener');
}
