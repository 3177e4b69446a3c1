import type { KeyValueStore } from '../../services/key-value-store';
import { lastDisplayUser, readElderMode, rememberDisplayUser, writeElderMode } from './elder-preference';
import { effectiveScale, systemScale, type SystemFontInfo } from './scale';

/** What every page needs to size itself. */
export interface DisplayState {
  /** The user's system (WeChat / browser) font factor. */
  system: number;
  /** 长辈模式 of the current user. */
  elder: boolean;
  userId: string | null;
  /** The factor the CSS tokens are multiplied by. */
  scale: number;
}

export interface DisplayStore {
  get(): DisplayState;
  subscribe(listener: () => void): () => void;
  /** Reads the system font setting again (the user may have changed it while we were hidden). */
  refreshSystem(): void;
  /** The signed-in user is known: their 长辈模式 applies from now on. */
  setUser(userId: string): void;
  setElder(on: boolean): void;
}

/**
 * One display state for the whole app (pages subscribe through hooks/useDisplay). Storage and the
 * font reader are passed in, so tests run it on a Map and a fake setting.
 */
export function createDisplayStore(store: KeyValueStore, readFont: () => SystemFontInfo): DisplayStore {
  const listeners = new Set<() => void>();
  const make = (system: number, userId: string | null, elder: boolean): DisplayState => ({
    system,
    userId,
    elder,
    scale: effectiveScale(system, elder),
  });
  const initialUser = lastDisplayUser(store);
  let state = make(systemScale(readFont()), initialUser, readElderMode(store, initialUser));

  const update = (next: DisplayState) => {
    if (next.system === state.system && next.elder === state.elder && next.userId === state.userId) return;
    state = next;
    listeners.forEach((listener) => listener());
  };

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    refreshSystem() {
      update(make(systemScale(readFont()), state.userId, state.elder));
    },
    setUser(userId) {
      rememberDisplayUser(store, userId);
      update(make(state.system, userId, readElderMode(store, userId)));
    },
    setElder(on) {
      if (state.userId) writeElderMode(store, state.userId, on);
      update(make(state.system, state.userId, on));
    },
  };
}
