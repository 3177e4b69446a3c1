import { useCallback, useRef, useState } from 'react';
import { describeError } from '../services/errors';

/** State of a load: the last good data is kept while reloading or after a failed reload. */
export type AsyncState<T> =
  { status: 'loading'; data?: T } | { status: 'ready'; data: T } | { status: 'error'; message: string; data?: T };

/**
 * Run `load` on demand (call `reload`, e.g. from useDidShow or pull-down refresh) and track it.
 * Only the latest call may write the state, so a slow old response cannot overwrite a newer one.
 */
export function useAsync<T>(load: () => Promise<T>): [AsyncState<T>, () => Promise<void>] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setState((prev) => ({ status: 'loading', data: prev.data }));
    try {
      const data = await loadRef.current();
      if (ticket === latest.current) setState({ status: 'ready', data });
    } catch (error) {
      if (ticket === latest.current)
        setState((prev) => ({ status: 'error', message: describeError(error), data: prev.data }));
    }
  }, []);

  return [state, reload];
}
