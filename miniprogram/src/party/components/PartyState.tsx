import type { ReactNode } from 'react';
import { ErrorState, LoadingSkeleton, OfflineState } from '../../components/StateView';
import type { AsyncState } from '../../hooks/useAsync';
import { NETWORK_ERROR_MESSAGE } from '../../services/errors';

interface PartyStateProps<T> {
  state: AsyncState<T>;
  reload: () => void;
  children: (data: T) => ReactNode;
  rows?: number;
}

/** A party page's load: the skeleton, the offline or error state with a retry, then the page itself. */
export function PartyState<T>({ state, reload, children, rows = 4 }: PartyStateProps<T>) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.status === 'error') {
    return state.message === NETWORK_ERROR_MESSAGE ? (
      <OfflineState onRetry={reload} />
    ) : (
      <ErrorState message={state.message} onRetry={reload} />
    );
  }
  return <LoadingSkeleton rows={rows} />;
}
