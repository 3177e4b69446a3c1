/**
 * AMap (高德地图) JS API loader for the map features of later issues.
 *
 * AMap is optional: it is loaded only when `VITE_AMAP_KEY` is set at build time (plus
 * `VITE_AMAP_SECURITY_CODE` when the key requires a security code). Without a key, when the script
 * cannot be fetched (offline / intranet deployments) or when it does not answer within the
 * timeout, the loader resolves to `null` — it never rejects. Callers must then fall back to
 * drawing the town's GeoJSON themselves (e.g. ECharts `registerMap` + a `map`/`geo` series).
 *
 * The loader script is imported dynamically, so pages that never show a map do not ship it, and a
 * successful load is shared by all callers.
 *
 * @example
 * const { amap, status, ready } = useAmap({ plugins: ['AMap.Scale'] });
 * await ready;
 * if (amap.value) { new amap.value.Map(el, { zoom: 13 }) } else { drawGeoJsonFallback(el) }
 */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';

/**
 * The global `AMap` namespace. Typed loosely on purpose: pull in `@amap/amap-jsapi-types` (or
 * declare the few constructors used) when a feature starts drawing maps.
 */
export interface AMapNamespace {
  readonly version?: string;
  readonly [member: string]: unknown;
}

export interface AmapLoadOptions {
  /** Plugins such as `AMap.Scale`, `AMap.DistrictSearch`. */
  plugins?: string[];
  /** JS API version (default 2.0). */
  version?: string;
  /** Give up after this many milliseconds (default 8000). */
  timeoutMs?: number;
}

export type AmapStatus = 'idle' | 'loading' | 'ready' | 'unavailable';

declare global {
  interface Window {
    _AMapSecurityConfig?: { securityJsCode: string };
  }
}

let loaded: Promise<AMapNamespace | null> | null = null;

export function isAmapConfigured(): boolean {
  return Boolean(import.meta.env.VITE_AMAP_KEY);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

async function loadOnce(options: AmapLoadOptions): Promise<AMapNamespace | null> {
  const key = import.meta.env.VITE_AMAP_KEY;
  if (!key) return null;
  const securityJsCode = import.meta.env.VITE_AMAP_SECURITY_CODE;
  if (securityJsCode) window._AMapSecurityConfig = { securityJsCode };

  const { load } = await import('@amap/amap-jsapi-loader');
  const result: unknown = await load({
    key,
    version: options.version ?? '2.0',
    plugins: options.plugins ?? [],
  });
  return typeof result === 'object' && result !== null ? (result as AMapNamespace) : null;
}

/**
 * Loads AMap once (shared by all callers). Resolves to `null` when no key is configured, on error
 * or on timeout; a failed attempt is not cached, so a later call may try again.
 */
export function loadAmap(options: AmapLoadOptions = {}): Promise<AMapNamespace | null> {
  if (!isAmapConfigured()) return Promise.resolve(null);
  if (!loaded) {
    const attempt = withTimeout(loadOnce(options), options.timeoutMs ?? 8_000);
    loaded = attempt.then((amap) => {
      if (!amap) loaded = null;
      return amap;
    });
  }
  return loaded;
}

/** Component helper around `loadAmap`: reactive namespace + status, and a promise to await. */
export function useAmap(options: AmapLoadOptions = {}): {
  amap: ShallowRef<AMapNamespace | null>;
  status: Ref<AmapStatus>;
  ready: Promise<AMapNamespace | null>;
} {
  const amap = shallowRef<AMapNamespace | null>(null);
  const status = ref<AmapStatus>('loading');
  const ready = loadAmap(options).then((value) => {
    amap.value = value;
    status.value = value ? 'ready' : 'unavailable';
    return value;
  });
  return { amap, status, ready };
}
