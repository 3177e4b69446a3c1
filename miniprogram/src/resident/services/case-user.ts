import { taroStore } from '../../services/key-value-store';

/**
 * The last signed-in user seen by the case pages. Offline, /api/mp/me cannot answer, yet 我的上报
 * must still show that user's queued reports.
 */
const LAST_USER_KEY = 'zhili.caseUser';

export function rememberCaseUser(userId: string): void {
  if (taroStore.get(LAST_USER_KEY) !== userId) taroStore.set(LAST_USER_KEY, userId);
}

export function rememberedCaseUser(): string | null {
  const id = taroStore.get(LAST_USER_KEY);
  return typeof id === 'string' && id ? id : null;
}
