// Dispatch: /__dev/* to the dev handlers; /v3/* matched to a route, then the merchant's signature
// checked, then the handler.
import { authenticate } from './auth';
import type { PayHandler, SimContext } from './context';
import { payError } from './errors';
import { downloadBill, tradeBill } from './routes-bill';
import { certificates } from './routes-certs';
import { devRoutes } from './routes-dev';
import { closeOrder, createJsapiOrder, queryByOutTradeNo, queryByTransactionId } from './routes-pay';
import { createRefund, queryRefund } from './routes-refund';
import type { SimRequest, SimResponse } from './types';

export const DEV_PREFIX = '/__dev/';

interface PayRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: (params: string[]) => PayHandler;
}

const payRoutes: PayRoute[] = [
  { method: 'POST', pattern: /^\/v3\/pay\/transactions\/jsapi$/, handler: () => createJsapiOrder },
  {
    method: 'GET',
    pattern: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/,
    handler: ([no]) => queryByOutTradeNo(no),
  },
  { method: 'GET', pattern: /^\/v3\/pay\/transactions\/id\/([^/]+)$/, handler: ([id]) => queryByTransactionId(id) },
  {
    method: 'POST',
    pattern: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/,
    handler: ([no]) => closeOrder(no),
  },
  { method: 'POST', pattern: /^\/v3\/refund\/domestic\/refunds$/, handler: () => createRefund },
  { method: 'GET', pattern: /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/, handler: ([no]) => queryRefund(no) },
  { method: 'GET', pattern: /^\/v3\/bill\/tradebill$/, handler: () => tradeBill },
  { method: 'GET', pattern: /^\/v3\/billdownload\/file$/, handler: () => downloadBill },
  { method: 'GET', pattern: /^\/v3\/certificates$/, handler: () => certificates },
];

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export function isDevPath(path: string): boolean {
  return path.startsWith(DEV_PREFIX);
}

export function allowedDevMethods(path: string): string[] {
  return Object.keys(devRoutes[path] ?? {});
}

async function routeDev(ctx: SimContext, req: SimRequest): Promise<SimResponse> {
  const methods = devRoutes[req.path];
  if (!methods)
    return {
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: `no dev endpoint ${req.path}` } },
      unsigned: true,
    };
  const handler = methods[req.method];
  if (!handler) {
    const allowed = Object.keys(methods).join(', ');
    return { status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED', message: `use ${allowed}` } }, unsigned: true };
  }
  return handler(ctx, req);
}

function routePay(ctx: SimContext, req: SimRequest, maxSkewSeconds: number): SimResponse {
  let matched: { route: PayRoute; params: string[] } | null = null;
  let pathKnown = false;
  for (const route of payRoutes) {
    const match = route.pattern.exec(req.path);
    if (!match) continue;
    pathKnown = true;
    if (route.method === req.method) {
      const params = match.slice(1).map(safeDecode);
      if (params.some((p) => p === null)) return payError('PARAM_ERROR', '路径参数的URL编码不正确');
      matched = { route, params: params as string[] };
      break;
    }
  }
  if (!matched) {
    return pathKnown
      ? payError('PARAM_ERROR', `不支持的请求方法 ${req.method}`)
      : payError('NOT_FOUND', '请求的资源不存在');
  }
  const auth = authenticate(ctx.state, req, maxSkewSeconds);
  if (!auth.ok) return auth.error;
  return matched.route.handler(matched.params)(ctx, req, auth.merchant);
}

export async function route(ctx: SimContext, req: SimRequest, maxSkewSeconds: number): Promise<SimResponse> {
  return isDevPath(req.path) ? routeDev(ctx, req) : routePay(ctx, req, maxSkewSeconds);
}
