// Shared harness for the simulator's Jest tests: a controllable clock and thin fetch wrappers.
import { startWechatSim } from './server';
import type { JsonObject, JsonValue, RequestLogEntry, SimApp, WechatSim, WechatSimOptions } from './types';

export const APP_A: SimApp = { appid: 'wxa000000000000001', secret: 'secret-a' };
export const APP_B: SimApp = { appid: 'wxb000000000000002', secret: 'secret-b' };

/** 2030-01-01T00:00:00+08:00 — an arbitrary but fixed Beijing midnight, for quota day tests. */
export const T0 = Date.UTC(2029, 11, 31, 16, 0, 0);

export interface Reply {
  status: number;
  headers: Headers;
  body: JsonObject;
}

export interface Harness {
  sim: WechatSim;
  logs: RequestLogEntry[];
  advance(ms: number): void;
  now(): number;
  get(path: string, query?: Record<string, string>): Promise<Reply>;
  post(path: string, body: JsonValue | string, query?: Record<string, string>): Promise<Reply>;
  request(method: string, path: string, init?: { body?: string }): Promise<Reply>;
  close(): Promise<void>;
}

function asObject(value: unknown): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  }
  return value as JsonObject;
}

export async function startHarness(
  apps: SimApp[] = [APP_A, APP_B],
  options: Partial<WechatSimOptions> & { clock?: number } = {},
): Promise<Harness> {
  let clock = options.clock ?? T0;
  const logs: RequestLogEntry[] = [];
  const sim = await startWechatSim({ ...options, apps, now: () => clock, onRequest: (entry) => logs.push(entry) });

  const request = async (method: string, path: string, init: { body?: string } = {}): Promise<Reply> => {
    const res = await fetch(`${sim.url}${path}`, { method, body: init.body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? {} : asObject(JSON.parse(text)) };
  };
  const withQuery = (path: string, query?: Record<string, string>): string =>
    query ? `${path}?${new URLSearchParams(query).toString()}` : path;

  return {
    sim,
    logs,
    advance: (ms) => {
      clock += ms;
    },
    now: () => clock,
    get: (path, query) => request('GET', withQuery(path, query)),
    post: (path, body, query) =>
      request('POST', withQuery(path, query), { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    request,
    close: () => sim.close(),
  };
}

/** A fresh wx.login code for `identity`, via the dev endpoint. */
export async function loginCode(h: Harness, identity: string, app: SimApp = APP_A): Promise<string> {
  const reply = await h.post('/__dev/login-code', { appid: app.appid, identity });
  if (reply.status !== 200 || typeof reply.body.code !== 'string') {
    throw new Error(`login-code failed: ${JSON.stringify(reply.body)}`);
  }
  return reply.body.code;
}

export function exchange(h: Harness, code: string, app: SimApp = APP_A): Promise<Reply> {
  return h.get('/sns/jscode2session', {
    appid: app.appid,
    secret: app.secret,
    js_code: code,
    grant_type: 'authorization_code',
  });
}

export async function stableToken(h: Harness, forceRefresh?: boolean, app: SimApp = APP_A): Promise<Reply> {
  const body: JsonObject = { grant_type: 'client_credential', appid: app.appid, secret: app.secret };
  if (forceRefresh !== undefined) body.force_refresh = forceRefresh;
  return h.post('/cgi-bin/stable_token', body);
}

export function tokenOf(reply: Reply): string {
  const token = reply.body.access_token;
  if (typeof token !== 'string') throw new Error(`no access_token in ${JSON.stringify(reply.body)}`);
  return token;
}

/**
 * errcode getuserphonenumber gives for `token` with an empty body `{}`: 41008 (missing code)
 * means the token itself was accepted, 40001/42001 that it was rejected.
 */
export async function tokenErrcode(h: Harness, token: string): Promise<JsonValue> {
  const reply = await h.post('/wxa/business/getuserphonenumber', {}, { access_token: token });
  return reply.body.errcode;
}

/** A business-API call with a fresh stable token of `app`. */
export async function callWithToken(h: Harness, path: string, body: JsonValue, app: SimApp = APP_A): Promise<Reply> {
  const token = tokenOf(await stableToken(h, undefined, app));
  return h.post(path, body, { access_token: token });
}
