import { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { fetchMe, type MpProfile } from '../services/api';
import { ensureSession } from '../services/auth';
import { display } from '../utils/a11y/display';
import { useAsync, type AsyncState } from './useAsync';

/** `null` data = nobody is signed in (the user logged out, or h5 without the dev login). */
export type ProfileState = AsyncState<MpProfile | null>;

async function loadProfile(): Promise<MpProfile | null> {
  if (!(await ensureSession())) return null;
  return fetchMe();
}

/** The signed-in user's profile, reloaded every time the page shows; their 长辈模式 follows it. */
export function useProfile(): [ProfileState, () => Promise<void>] {
  const [state, reload] = useAsync(loadProfile);
  useDidShow(() => {
    void reload();
  });
  const userId = state.data?.id;
  useEffect(() => {
    if (userId) display.setUser(userId);
  }, [userId]);
  return [state, reload];
}
