import Taro from '@tarojs/taro';

/**
 * Network state for the offline outbox. Taro resolves network.h5.ts instead of this file in h5.
 * "Unknown" counts as online: the request itself is the real test.
 */
export async function isOnline(): Promise<boolean> {
  try {
    const { networkType } = await Taro.getNetworkType();
    return networkType !== 'none';
  } catch {
    return true;
  }
}

/** Calls `listener` whenever the device regains a connection. */
export function onNetworkBack(listener: () => void): void {
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) listener();
  });
}
