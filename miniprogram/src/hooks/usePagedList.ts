import { useCallback, useRef, useState } from 'react';
import type { ApiList } from '@zhili/shared';
import { describeError } from '../services/errors';

export interface PagedList<T> {
  items: T[];
  total: number;
  /** First page loading (show a skeleton) vs. a further page (show "加载中…" at the bottom). */
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  hasMore: boolean;
  /** Start again from page 1 (new filters, pull-down refresh). */
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * Page-by-page list state for "load more" lists. A reload discards answers of older requests, so
 * quickly changing filters cannot mix results of two searches.
 */
export function usePagedList<T>(fetchPage: (page: number) => Promise<ApiList<T>>): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(async (nextPage: number) => {
    const ticket = nextPage === 1 ? ++generation.current : generation.current;
    if (nextPage === 1) setLoading(true);
    else setLoadingMore(true);
    setError(null);
    try {
      const result = await fetchRef.current(nextPage);
      if (ticket !== generation.current) return;
      setItems((prev) => (nextPage === 1 ? result.data : [...prev, ...result.data]));
      setTotal(result.page.total);
      setPage(nextPage);
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
