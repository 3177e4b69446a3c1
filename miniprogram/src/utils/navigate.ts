import Taro from '@tarojs/taro';
import { isOnline } from '../services/network';

/**
 * Opening a page can fail where the page itself cannot help: offline, WeChat cannot download a
 * subpackage (navigateTo's fail callback) and the H5 build cannot fetch the page's JS/CSS chunk
 * (utils/navigation-guard.h5.ts). Both end here, and the visible page shows <NavigationFailure />
 * with a retry instead of a tile that silently does nothing.
 */
export interface NavigationFailure {
  /** The page that did not open, e.g. /grid/pages/tasks/index. */
  url: string;
  /** No connection at the time of the failure: say so, rather than show the raw error. */
  offline: boolean;
  reason: string;
}

type Listener = (failure: NavigationFailure | null) => void;

const listeners = new Set<Listener>();
let current: NavigationFailure | null = null;

function publish(failure: NavigationFailure | null): void {
  current = failure;
  for (const listener of listeners) listener(failure);
}

export function currentNavigationFailure(): NavigationFailure | null {
  return current;
}

/** Subscribes to failures (null = cleared); returns the unsubscribe function. */
export function onNavigationFailure(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

interface ChunkErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

/**
 * A webpack chunk that did not load: `ChunkLoadError` ("Loading chunk 12 failed.") for JS, and
 * mini-css-extract-plugin's `CSS_CHUNK_LOAD_FAILED` ("Loading CSS chunk 12 failed.") for CSS.
 */
export function isChunkLoadError(reason: unknown): boolean {
  if (typeof reason !== 'object' || reason === null) return false;
  const e = reason as ChunkErrorLike;
  if (e.name === 'ChunkLoadError' || e.code === 'CSS_CHUNK_LOAD_FAILED') return true;
  return typeof e.message === 'string' && /Loading (CSS )?chunk \S+ failed/.test(e.message);
}

export async function reportNavigationFailure(url: string, reason: string): Promise<void> {
  publish({ url, offline: !(await isOnline()), reason });
}

/** Taro.navigateTo that reports its failure instead of dropping it. */
export function openPage(url: string): void {
  void Taro.navigateTo({ url, fail: (res) => void reportNavigationFailure(url, res.errMsg) });
}

/** 重试: still offline → the same failure again at once; otherwise try the page again. */
export async function retryNavigation(): Promise<void> {
  const failure = current;
  if (!failure) return;
  if (!(await isOnline())) {
    publish({ ...failure, offline: true });
    return;
  }
  publish(null);
  openPage(failure.url);
}

export function dismissNavigationFailure(): void {
  publish(null);
}
