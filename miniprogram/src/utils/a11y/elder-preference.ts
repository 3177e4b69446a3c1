import type { KeyValueStore } from '../../services/key-value-store';

/**
 * 长辈模式 is remembered per user on the phone: one key per user id, so a shared family phone keeps
 * each person's choice. The last user seen is remembered too, so the next launch shows the right
 * sizes before the profile has loaded (no flash of small text for an elderly user).
 * 退出登录 clears the phone's storage (services/session.ts) but keeps these keys: the choice is the
 * person's, and signing back in must find it again. Only user ids and a flag are stored, never names.
 */
const PREFIX = 'zhili.elder.';
const LAST_USER_KEY = 'zhili.elder.lastUser';

/** Whether a storage key holds a display preference (kept across 退出登录). */
export function isDisplayPreferenceKey(key: string): boolean {
  return key.startsWith(PREFIX);
}

export function elderKey(userId: string): string {
  return `${PREFIX}${userId}`;
}

export function readElderMode(store: KeyValueStore, userId: string | null): boolean {
  if (!userId) return false;
  return store.get(elderKey(userId)) === true;
}

export function writeElderMode(store: KeyValueStore, userId: string, on: boolean): void {
  if (on) store.set(elderKey(userId), true);
  else store.remove(elderKey(userId));
}

export function rememberDisplayUser(store: KeyValueStore, userId: string): void {
  if (store.get(LAST_USER_KEY) !== userId) store.set(LAST_USER_KEY, userId);
}

export function lastDisplayUser(store: KeyValueStore): string | null {
  const id = store.get(LAST_USER_KEY);
  return typeof id === 'string' && id ? id : null;
}
