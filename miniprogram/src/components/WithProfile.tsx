import type { ReactNode } from 'react';
import type { ProfileState } from '../hooks/useProfile';
import type { MpProfile } from '../services/api';
import { SignedOut } from './SignedOut';
import { ErrorState, LoadingSkeleton } from './StateView';

interface WithProfileProps {
  state: ProfileState;
  reload: () => Promise<void>;
  children: (profile: MpProfile) => ReactNode;
}

/** Renders children with the profile, or the loading / error / signed-out state. */
export function WithProfile({ state, reload, children }: WithProfileProps) {
  if (state.data) return <>{children(state.data)}</>;
  if (state.status === 'loading') return <LoadingSkeleton />;
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  return <SignedOut onLoggedIn={() => void reload()} />;
}
