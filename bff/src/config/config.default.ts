import type { MidwayConfig, MidwayAppInfo } from '@midwayjs/core';
import { loadEnv } from './env';
import { dataSourceOptions } from './database';
import { jsonContextFormat, jsonFormat } from '../core/logging/json-format';
import { appVersion } from '../core/version';
import { swaggerRenderNothing } from '../core/http/api-docs';
import { isContractOperation } from '../core/http/contract/openapi';
import { moduleEnvs } from '../core/modules/manifest';
import { manifests } from '../modules';

/**
 * Configuration is computed from the environment at start (and validated there: a bad or missing
 * value stops the process with one message per problem). Secrets never live in these files.
 */
export default (appInfo: MidwayAppInfo): MidwayConfig => {
  const env = loadEnv();
  return {
    keys: env.JWT_SECRET,
    // `zhili.env`: core's variables (and, until every class moved, all of them); `zhili.modules.<name>`:
    // one module's own variables, what its classes inject.
    zhili: { env, version: appVersion, modules: moduleEnvs(manifests, env) },
    koa: {
      port: env.PORT,
      hostname: env.HOST,
      // Trust X-Forwarded-For only behind a known proxy, and only its last hop: otherwise a client
      // could pick its own IP and dodge per-IP login throttling and rate limits.
      proxy: env.TRUST_PROXY,
      maxIpsCount: env.TRUST_PROXY ? 1 : 0,
      // ctx.logger takes its line format from here, not from midwayLogger's contextFormat.
      contextLoggerFormat: jsonContextFormat,
    },
    bodyParser: { enableTypes: ['json', 'form'], jsonLimit: '1mb', formLimit: '1mb' },
    // Midway strips `migrations` unless told otherwise; we run them at start (migrationsRun).
    typeorm: {
      allowExecuteMigrations: true,
      dataSource: { default: dataSourceOptions(env.DATABASE_URL, { queryTimeoutMs: env.DB_QUERY_TIMEOUT_MS }) },
    },
    swagger: {
      title: '智理 BFF API',
      description:
        'Zhili backend-for-frontend: mini-program (/api/mp), admin portal (/api/admin) and system endpoints.',
      version: appVersion,
      swaggerPath: '/api/docs',
      // Served by core/http/api-docs.ts at the exact prefix, with our headers; the package's own
      // renderer matched any path containing the prefix and answered unknown files with 500.
      swaggerUIRender: swaggerRenderNothing,
      // Contract routes are documented from their zod schemas (core/http/contract/openapi.ts).
      routerFilter: (url: string, router: { requestMethod: string }) => isContractOperation(router.requestMethod, url),
      auth: { authType: 'bearer' },
      tagSortable: true,
    },
    midwayLogger: {
      default: {
        level: env.LOG_LEVEL,
        format: jsonFormat,
        contextFormat: jsonContextFormat,
        // Logs go to stdout as JSON lines (the process manager collects them), also in production.
        // Transports must be named in this (v3) form: the old enableConsole flag cannot switch the
        // console back on, and Midway turns it off outside development, which once left a
        // production BFF silent, 500s included.
        transports: { console: { level: env.LOG_LEVEL, autoColors: false }, file: false, error: false },
      },
    },
    onerror: { accepts: () => 'json' },
    info: { infoPath: '/_info_disabled' },
    appInfoName: appInfo.name,
  } as MidwayConfig;
};
