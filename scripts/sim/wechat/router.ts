// Request dispatch, independent of node:http: SimRequest in, SimResponse out.
import { WxErr, wxError } from './errors';
import { devHealth, devListFaults, devLoginCode, devPhoneCode, devReset, devSetFault } from './route-dev';
import {
  devGetPush,
  devMediaChecks,
  devMediaVerdict,
  devOutage,
  devSetPush,
  devSubscribe,
  devSubscribeMessages,
} from './route-dev-content';
import { jscode2session } from './route-login';
import { getUserPhoneNumber } from './route-phone';
import { mediaCheckAsync, msgSecCheck } from './route-security';
import { subscribeSend } from './route-subscribe';
import { legacyToken, stableToken } from './route-tokens';
import { DEV_PREFIX, WX_PATHS } from './paths';
import type { SimState } from './state';
import type { SimRequest, SimResponse } from './types';

type Handler = (state: SimState, req: SimRequest) => SimResponse;

interface WxRoute {
  methods: readonly string[];
  /** What WeChat answers when the method is wrong: 43001 require GET / 43002 require POST. */
  wrongMethod: number;
  handler: Handler;
}

// GET APIs also accept POST (WeChat only reads their query string, whatever the method);
// POST-JSON APIs reject GET with 43002.
const GET_LIKE = ['GET', 'POST'] as const;

const wxRoutes: Record<string, WxRoute> = {
  [WX_PATHS.jscode2session]: { methods: GET_LIKE, wrongMethod: WxErr.REQUIRE_GET, handler: jscode2session },
  [WX_PATHS.token]: { methods: GET_LIKE, wrongMethod: WxErr.REQUIRE_GET, handler: legacyToken },
  [WX_PATHS.stableToken]: { methods: ['POST'], wrongMethod: WxErr.REQUIRE_POST, handler: stableToken },
  [WX_PATHS.phoneNumber]: { methods: ['POST'], wrongMethod: WxErr.REQUIRE_POST, handler: getUserPhoneNumber },
  [WX_PATHS.msgSecCheck]: { methods: ['POST'], wrongMethod: WxErr.REQUIRE_POST, handler: msgSecCheck },
  [WX_PATHS.mediaCheckAsync]: { methods: ['POST'], wrongMethod: WxErr.REQUIRE_POST, handler: mediaCheckAsync },
  [WX_PATHS.subscribeSend]: { methods: ['POST'], wrongMethod: WxErr.REQUIRE_POST, handler: subscribeSend },
};

const devRoutes: Record<string, Partial<Record<string, Handler>>> = {
  '/__dev/login-code': { POST: devLoginCode },
  '/__dev/phone-code': { POST: devPhoneCode },
  '/__dev/faults': { POST: devSetFault, GET: devListFaults },
  '/__dev/reset': { POST: devReset },
  '/__dev/health': { GET: devHealth },
  '/__dev/media-verdict': { POST: devMediaVerdict },
  '/__dev/media-checks': { GET: devMediaChecks },
  '/__dev/subscribe': { POST: devSubscribe },
  '/__dev/subscribe-messages': { GET: devSubscribeMessages },
  '/__dev/push': { POST: devSetPush, GET: devGetPush },
  '/__dev/outage': { POST: devOutage },
};

export function isDevPath(path: string): boolean {
  return path.startsWith(DEV_PREFIX);
}

export function allowedDevMethods(path: string): string[] {
  return Object.keys(devRoutes[path] ?? {});
}

function routeDev(state: SimState, req: SimRequest): SimResponse {
  const methods = devRoutes[req.path];
  if (!methods) {
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: `no dev endpoint ${req.path}` } } };
  }
  const handler = methods[req.method];
  if (!handler) {
    const allowed = Object.keys(methods).join(', ');
    return {
      status: 405,
      body: { error: { code: 'METHOD_NOT_ALLOWED', message: `${req.method} not allowed (use ${allowed})` } },
    };
  }
  return handler(state, req);
}

function routeWx(state: SimState, req: SimRequest): SimResponse {
  const route = wxRoutes[req.path];
  if (!route) {
    // WeChat's "invalid url" errcode; the 404 status makes a mistyped path obvious in client logs.
    return { status: 404, body: { ...wxError(WxErr.INVALID_URL, state.now()) } };
  }
  if (!route.methods.includes(req.method)) {
    return { status: 200, body: { ...wxError(route.wrongMethod, state.now()) } };
  }
  // Injected faults fire only for well-formed calls to a real path, like an upstream outage would.
  const fault = state.faults.take(req.path, state.now());
  if (fault) return fault;
  return route.handler(state, req);
}

export function route(state: SimState, req: SimRequest): SimResponse {
  return isDevPath(req.path) ? routeDev(state, req) : routeWx(state, req);
}
