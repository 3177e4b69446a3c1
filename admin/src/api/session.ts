import { shallowRef } from 'vue';

/** Tokens of the signed-in staff member, persisted in localStorage. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires (informational). */
  expiresAt: number;
}

const STORAGE_KEY = 'zhili.admin.session';

function isSessionTokens(value: unknown): value is SessionTokens {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.accessToken === 'string' && typeof v.refreshToken === 'string' && typeof v.expiresAt === 'number';
}

function readStored(): SessionTokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSessionTokens(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Reactive token holder shared by the HTTP client, the socket and the auth store, so a token
 * refreshed by the client is immediately visible everywhere without import cycles.
 */
export const sessionTokens = shallowRef<SessionTokens | null>(readStored());

export function getAccessToken(): string | null {
  return sessionTokens.value?.accessToken ?? null;
}

export function getRefreshToken(): string | null {
  return sessionTokens.value?.refreshToken ?? null;
}

export function setTokens(tokens: { accessToken: string; refreshToken: string; expiresIn: number }): void {
  const next: SessionTokens = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  };
  sessionTokens.value = next;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
}

export function clearTokens(): void {
  sessionTokens.value = null;
  localStorage.removeItem(STORAGE_KEY);
}

// Keep tabs in sync: signing out (or refreshing) in one tab applies to the others.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) sessionTokens.value = readStored();
});
