import type { ApiList } from '@zhili/shared';
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../../services/errors';

export interface PagedCases<T> {
  items: T[];
  total: number;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  hasMore: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/** "Load more" list state; a reload (new tab, pull-down) discards answers of older requests. */
export function usePagedCases<T>(fetchPage: (page: number) => Promise<ApiList<T>>): PagedCases<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(async (next: number) => {
    const ticket = next === 1 ? ++generation.current : generation.current;
    if (next === 1) setLoading(true);
    else setLoadingMore(true);
    setError(null);
    try {
      const result = await fetchRef.current(next);
      if (ticket !== generation.current) return;
      setItems((prev) => (next === 1 ? result.data : [...prev, ...result.data]));
      setTotal(result.page.total);
      setPage(next);
    } catch (e) {
      if (ticket === generation.current) setError(describeError(e));
    } finally {
      if (ticket === generation.current) {
        setLoading(false);
        setLoadingMore(false);
      }
    }
  }, []);

  const hasMore = items.length < total;
  const reload = useCallback(() => load(1), [load]);
  const loadMore = useCallback(async () => {
    if (!loading && !loadingMore && hasMore) await load(page + 1);
  }, [hasMore, load, loading, loadingMore, page]);
  return { items, total, loading, loadingMore, error, hasMore, reload, loadMore };
}
