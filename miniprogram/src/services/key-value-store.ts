import Taro from '@tarojs/taro';

/** The little storage interface pure modules depend on, so tests can pass a Map. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

/** WeChat storage (localStorage in h5). Reading never throws: a broken entry reads as empty. */
export const taroStore: KeyValueStore = {
  get(key) {
    try {
      return Taro.getStorageSync(key);
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    Taro.setStorageSync(key, value);
  },
  remove(key) {
    Taro.removeStorageSync(key);
  },
};

/** An in-memory store (tests). */
export function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => data.get(key),
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}
