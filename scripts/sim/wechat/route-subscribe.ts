// POST /cgi-bin/message/subscribe/send?access_token=… — subscribeMessage.send.
import { isOpenidShaped } from './content-verdict';
import { WxErr, wxError } from './errors';
import type { SimState } from './state';
import { dataProblem, templateById } from './subscribe';
import type { JsonObject, JsonValue, SimRequest, SimResponse } from './types';
import { parseJsonBody, requireToken, stringFields, wxFail, wxOk } from './wx-helpers';

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

function argumentInvalid(state: SimState, what: string): SimResponse {
  return { status: 200, body: { ...wxError(WxErr.ARGUMENT_INVALID, state.now(), what) } };
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks in this order: token, body, touser (40003), template_id (40037), data and options
 * (47003), then the user's quota (43101). A refused call consumes nothing.
 */
export function subscribeSend(state: SimState, req: SimRequest): SimResponse {
  const auth = requireToken(state, req);
  if (!auth.ok) return wxFail(state, auth.errcode);
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return wxFail(state, parsed.errcode);
  const body = parsed.value;
  const fields = stringFields(body, ['touser', 'template_id', 'page', 'miniprogram_state', 'lang'] as const);
  if (!fields.ok) return wxFail(state, fields.errcode);
  const { touser, template_id: templateId, page } = fields.value;

  if (touser === undefined || !isOpenidShaped(touser)) return wxFail(state, WxErr.INVALID_OPENID);
  const template = templateId === undefined ? undefined : templateById(templateId);
  if (!template) return wxFail(state, WxErr.INVALID_TEMPLATE_ID);
  if (body.data !== undefined && !isObject(body.data)) return wxFail(state, WxErr.DATA_FORMAT_ERROR);
  const problem = dataProblem(template, isObject(body.data) ? body.data : {});
  if (problem) return argumentInvalid(state, problem);
  const miniprogramState = fields.value.miniprogram_state ?? 'formal';
  if (!MINIPROGRAM_STATES.includes(miniprogramState)) return argumentInvalid(state, 'miniprogram_state invalid');
  const lang = fields.value.lang ?? 'zh_CN';
  if (!LANGS.includes(lang)) return argumentInvalid(state, 'lang invalid');

  if (!state.subscriptions.consume(auth.value, touser, template.id)) return wxFail(state, WxErr.SUBSCRIBE_REFUSED);
  const data: Record<string, { value: string }> = {};
  for (const key of Object.keys(template.fields)) {
    const entry = (body.data as JsonObject)[key] as JsonObject;
    data[key] = { value: String(entry.value) };
  }
  state.subscriptions.record({
    appid: auth.value,
    touser,
    template_id: template.id,
    page: page ?? null,
    data,
    miniprogram_state: miniprogramState,
    lang,
    sentAt: state.now(),
  });
  return wxOk({ errcode: 0, errmsg: 'ok' });
}
