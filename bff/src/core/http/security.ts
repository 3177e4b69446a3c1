import type { Context, NextFunction } from '@midwayjs/koa';
import type { TLSSocket } from 'tls';
import helmet from 'koa-helmet';
import cors from '@koa/cors';
import type { CoreEnv } from '../config/core-env';

/**
 * Web hardening of every response (等保 2.0 三级, application security): security headers via
 * helmet, a Content-Security-Policy per kind of content, HSTS on HTTPS only, and CORS from an
 * explicit allow-list. Registered in configuration.ts right after the request id, so static files,
 * API answers and error answers all carry the headers.
 */
export interface WebSecurityOptions {
  /** Exact origins allowed to call /api cross-origin; empty = same-origin only. */
  corsOrigins: readonly string[];
  /** Whether `X-Forwarded-Proto: https` from the reverse proxy counts as HTTPS. */
  trustProxyTls: boolean;
  /** Allow the AMap (高德) JS API in the admin's CSP. */
  allowAmap: boolean;
}

export function webSecurityOptions(env: CoreEnv): WebSecurityOptions {
  return {
    corsOrigins: env.CORS_ORIGINS,
    trustProxyTls: env.TRUST_PROXY_TLS,
    allowAmap: env.CSP_ALLOW_AMAP ?? Boolean(env.VITE_AMAP_KEY),
  };
}

/**
 * What AMap JS API 2.0 loads: its loader and modules (webapi/*.amap.com), service calls (restapi,
 * vdata), tiles (*.is.autonavi.com) and web workers from blob: URLs. Only added when configured.
 */
export const AMAP_SOURCES = {
  script: ['https://webapi.amap.com', 'https://*.amap.com'],
  connect: ['https://*.amap.com'],
  img: ['https://*.amap.com', 'https://*.autonavi.com'],
  worker: ['blob:'],
};

/** helmet's explicit "no default-src" marker (koa-helmet copies it at run time; its types omit it). */
const NO_DEFAULT_SRC = (helmet.contentSecurityPolicy as unknown as { dangerouslyDisableDefaultSrc: symbol })
  .dangerouslyDisableDefaultSrc;

type Directives = Record<string, string[] | typeof NO_DEFAULT_SRC>;

/**
 * CSP of the pages we serve (the admin SPA; the API docs). Scripts only from our origin: no inline
 * script, no eval. Styles allow 'unsafe-inline' because Element Plus and ECharts set inline styles
 * and inject <style> at run time; that is the one relaxation, and it does not allow script.
 */
export function pageCsp(allowAmap: boolean): Directives {
  const amap = allowAmap ? AMAP_SOURCES : { script: [], connect: [], img: [], worker: [] };
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...amap.script],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...amap.img],
    'font-src': ["'self'", 'data:'],
    // 'self' covers the same-origin socket.io WebSocket (CSP3: ws/wss of our own host).
    'connect-src': ["'self'", ...amap.connect],
    'worker-src': ["'self'", ...amap.worker],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/** API answers are data, never documents: nothing may load or run in them, nobody may frame them. */
export const apiCsp: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The H5 build (Taro) ships an inline bootstrap script, so a script policy would break it; it still
 * may not be framed, embed plugins or move its base URL.
 */
export const h5Csp: Directives = {
  // No default-src on purpose (see above); helmet insists on the explicit opt-out.
  'default-src': NO_DEFAULT_SRC,
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** HTTPS as seen by the client: a TLS socket, or (when trusted) the reverse proxy's word. */
export function isHttps(ctx: Context, trustProxyTls: boolean): boolean {
  if ((ctx.req.socket as TLSSocket).encrypted) return true;
  return trustProxyTls && ctx.get('X-Forwarded-Proto').split(',')[0].trim().toLowerCase() === 'https';
}

/** One HSTS year; no includeSubDomains: sibling hosts of a government domain may not all be HTTPS yet. */
export const HSTS_VALUE = 'max-age=31536000';

type Koa = (ctx: Context, next: NextFunction) => Promise<unknown>;

export function securityHeaders(options: WebSecurityOptions): Koa {
  const common = helmet({
    contentSecurityPolicy: false,
    // Sent below, and only over HTTPS (over plain HTTP it is meaningless and misleading).
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    // AMap checks the Referer against the key's allowed domains; otherwise send none at all.
    referrerPolicy: { policy: options.allowAmap ? 'strict-origin-when-cross-origin' : 'no-referrer' },
  }) as unknown as Koa;
  type HelmetDirectives = NonNullable<Parameters<typeof helmet.contentSecurityPolicy>[0]>['directives'];
  const csp = (directives: Directives) =>
    helmet.contentSecurityPolicy({
      useDefaults: false,
      directives: directives as HelmetDirectives & object,
    }) as unknown as Koa;
  const policies = { page: csp(pageCsp(options.allowAmap)), api: csp(apiCsp), h5: csp(h5Csp) };

  return async (ctx, next) => {
    const path = ctx.path;
    const policy =
      under(path, '/admin') || under(path, '/api/docs')
        ? policies.page
        : under(path, '/h5')
          ? policies.h5
          : policies.api;
    await common(ctx, () =>
      policy(ctx, async () => {
        if (isHttps(ctx, options.trustProxyTls)) ctx.set('Strict-Transport-Security', HSTS_VALUE);
        // Answers may hold personal data: no browser or proxy cache (handlers may still override).
        if (under(path, '/api') && !under(path, '/api/docs')) ctx.set('Cache-Control', 'no-store');
        await next();
      }),
    );
  };
}

/**
 * CORS for /api from the configured origins only. A request from any other origin gets no CORS
 * headers (so the browser withholds the answer); with no origins configured nothing is added and the
 * API is same-origin only. Tokens travel in the Authorization header, never cookies: no credentials.
 */
export function corsAllowList(origins: readonly string[]): Koa {
  const allowed = new Set(origins);
  if (allowed.size === 0) return async (_ctx, next) => next();
  const middleware = cors({
    origin: (ctx) => {
      const origin = ctx.get('Origin');
      return allowed.has(origin) ? origin : '';
    },
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
    credentials: false,
    keepHeadersOnError: true,
  }) as unknown as Koa;
  return async (ctx, next) => (under(ctx.path, '/api') ? middleware(ctx, next) : next());
}

/** Everything above, in order, for `app.useMiddleware`. */
export function webSecurity(options: WebSecurityOptions): Koa[] {
  return [securityHeaders(options), corsAllowList(options.corsOrigins)];
}
