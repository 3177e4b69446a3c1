import Taro from '@tarojs/taro';

/** A point on the map (GCJ-02, what WeChat's map APIs use) with what the picker said about it. */
export interface PickedLocation {
  lng: number;
  lat: number;
  /** From chooseLocation: street address and place name. */
  address?: string;
  name?: string;
}

/** weapp: WeChat has a map picker. Taro resolves location.h5.ts instead of this file in h5. */
export const canChooseOnMap = true;

/** The device's position in GCJ-02. Needs `getLocation` in requiredPrivateInfos. */
export async function currentLocation(): Promise<PickedLocation> {
  const res = await Taro.getLocation({ type: 'gcj02' });
  return { lng: res.longitude, lat: res.latitude };
}

/** WeChat's map picker, centred on `near` when known. */
export async function chooseOnMap(near?: { lng: number; lat: number }): Promise<PickedLocation> {
  const res = await Taro.chooseLocation(near ? { latitude: near.lat, longitude: near.lng } : {});
  return { lng: res.longitude, lat: res.latitude, address: res.address, name: res.name };
}

/** Opens the point in WeChat's map (with its 导航 button). */
export async function openMap(point: { lng: number; lat: number }, name: string, address: string): Promise<void> {
  await Taro.openLocation({ latitude: point.lat, longitude: point.lng, name, address, scale: 17 });
}
