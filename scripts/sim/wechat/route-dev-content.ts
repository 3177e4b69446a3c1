// Dev-only endpoints for content security, subscribe messages, message push and outages.
// Like the others under /__dev/ they stand in for the WeChat client (the subscribe dialog) or for
// test control, and are never part of WeChat's API.
import { isOpenidShaped } from './content-verdict';
import { simOpenid } from './identity';
import { aesKeyBytes } from './push-crypto';
import { appOf, badRequest, devBody, devIntField } from './route-dev';
import type { SimState } from './state';
import { templateById } from './subscribe';
import type { JsonObject, SimRequest, SimResponse, Suggest } from './types';

const SUGGESTS: readonly Suggest[] = ['pass', 'review', 'risky'];

/** POST /__dev/media-verdict { sha256, suggest } — the next checks of that exact file get `suggest`. */
export function devMediaVerdict(state: SimState, req: SimRequest): SimResponse {
  const parsed = devBody(req);
  if (!parsed.ok) return parsed.response;
  const { sha256, suggest } = parsed.value;
  if (typeof sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(sha256))
    return badRequest('sha256 must be 64 hex digits');
  if (typeof suggest !== 'string' || !SUGGESTS.includes(suggest as Suggest)) {
    return badRequest('suggest must be "pass", "review" or "risky"');
  }
  state.mediaVerdicts.set(sha256.toLowerCase(), suggest as Suggest);
  return { status: 200, body: { sha256: sha256.toLowerCase(), suggest } };
}

/** GET /__dev/media-checks — every media_check_async job and how far it got. */
export function devMediaChecks(state: SimState): SimResponse {
  return { status: 200, body: { checks: state.media.list() as unknown as JsonObject[] } };
}

/**
 * POST /__dev/subscribe { appid, openid | identity, templateIds } — what the user's "允许" in
 * wx.requestSubscribeMessage does: one more message of each template may be sent to them.
 */
export function devSubscribe(state: SimState, req: SimRequest): SimResponse {
  const parsed = devBody(req);
  if (!parsed.ok) return parsed.response;
  const body = parsed.value;
  const app = appOf(state, body);
  if (!app.ok) return app.response;
  let openid: string;
  if (typeof body.openid === 'string' && isOpenidShaped(body.openid)) openid = body.openid;
  else if (typeof body.identity === 'string' && body.identity.trim() !== '')
    openid = simOpenid(app.value, body.identity);
  else return badRequest('openid (28 chars) or identity is required');
  const ids = body.templateIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 3 || !ids.every((id) => typeof id === 'string')) {
    return badRequest('templateIds must be 1-3 template ids (wx.requestSubscribeMessage takes at most 3)');
  }
  const granted: JsonObject = {};
  for (const id of ids as string[]) {
    if (!templateById(id)) return badRequest(`unknown template id "${id}"`);
  }
  for (const id of ids as string[]) granted[id] = state.subscriptions.grant(app.value, openid, id);
  return { status: 200, body: { openid, granted } };
}

/** GET /__dev/subscribe-messages?openid= — sent messages, oldest first (all users without openid). */
export function devSubscribeMessages(state: SimState, req: SimRequest): SimResponse {
  const openid = req.query.get('openid') || undefined;
  return { status: 200, body: { messages: state.subscriptions.messages(openid) as unknown as JsonObject[] } };
}

/** POST /__dev/push { url, token, aesKey? } — the MP admin's 消息推送 settings; { url: null } turns pushes off. */
export function devSetPush(state: SimState, req: SimRequest): SimResponse {
  const parsed = devBody(req);
  if (!parsed.ok) return parsed.response;
  const { url, token, aesKey } = parsed.value;
  if (url === null) {
    state.pushTarget = null;
    return { status: 200, body: { url: null } };
  }
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) return badRequest('url must be an http(s) URL');
  if (typeof token !== 'string' || !/^[A-Za-z0-9]{3,32}$/.test(token))
    return badRequest('token must be 3-32 letters or digits');
  if (aesKey !== undefined && aesKey !== null) {
    if (typeof aesKey !== 'string' || !/^[A-Za-z0-9]{43}$/.test(aesKey))
      return badRequest('aesKey must be 43 letters or digits');
    aesKeyBytes(aesKey);
  }
  state.pushTarget = { url, token, ...(typeof aesKey === 'string' ? { aesKey } : {}) };
  return { status: 200, body: devPushView(state) };
}

function devPushView(state: SimState): JsonObject {
  const target = state.pushTarget;
  return target ? { url: target.url, mode: target.aesKey ? 'safe' : 'plaintext' } : { url: null };
}

/** GET /__dev/push — where pushes go (secrets are not echoed). */
export function devGetPush(state: SimState): SimResponse {
  return { status: 200, body: devPushView(state) };
}

/**
 * POST /__dev/outage { down, httpStatus? = 503, forMs? } — every WeChat path answers httpStatus
 * with an HTML gateway page (down: true) until cleared (down: false) or for forMs.
 */
export function devOutage(state: SimState, req: SimRequest): SimResponse {
  const parsed = devBody(req);
  if (!parsed.ok) return parsed.response;
  const body = parsed.value;
  if (typeof body.down !== 'boolean') return badRequest('down must be true or false');
  if (!body.down) {
    state.faults.setOutage(null);
    return { status: 200, body: { down: false } };
  }
  const httpStatus = devIntField(body, 'httpStatus', 500, 599, 503);
  if (!httpStatus.ok) return httpStatus.response;
  const forMs = devIntField(body, 'forMs', 1, 3_600_000, 0);
  if (!forMs.ok) return forMs.response;
  // The simulator's clock (real time in dev, the harness clock in tests), like every other expiry here.
  const until = forMs.value > 0 ? state.now() + forMs.value : null;
  state.faults.setOutage({ httpStatus: httpStatus.value, until });
  return { status: 200, body: { down: true, httpStatus: httpStatus.value, until } };
}
