/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** AMap Web JS API key; when empty the map loader resolves to null and callers draw GeoJSON. */
  readonly VITE_AMAP_KEY?: string;
  /** AMap security code (jscode) that pairs with the key, if the key requires one. */
  readonly VITE_AMAP_SECURITY_CODE?: string;
  /** Request timeout in milliseconds for the HTTP client (default 15000). */
  readonly VITE_HTTP_TIMEOUT_MS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
