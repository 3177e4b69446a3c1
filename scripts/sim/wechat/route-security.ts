// Content security 2.0: POST /wxa/msg_sec_check (text, synchronous) and
// POST /wxa/media_check_async (image/audio, result pushed later as a `wxa_media_check` event).
import { isOpenidShaped, newTraceId, textVerdict, verdictDetail } from './content-verdict';
import { WxErr } from './errors';
import type { SimState } from './state';
import type { JsonObject, SimRequest, SimResponse } from './types';
import { intField, parseJsonBody, requireToken, stringFields, wxFail, wxOk, type Parsed } from './wx-helpers';

/** msgSecCheck: "文本字数的上限为 2500 字". */
export const TEXT_MAX_CHARS = 2500;

interface Common {
  appid: string;
  openid: string;
  scene: number;
  body: JsonObject;
}

/**
 * What both v2 APIs check, in WeChat's order: the token, the body, version (only 2.0 is modelled;
 * anything else is 47001), openid (40003), scene 1-4 (40129).
 */
function commonParams(state: SimState, req: SimRequest): Parsed<Common> {
  const auth = requireToken(state, req);
  if (!auth.ok) return auth;
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return parsed;
  const body = parsed.value;
  const version = intField(body, 'version');
  if (!version.ok) return version;
  if (version.value !== 2) return { ok: false, errcode: WxErr.DATA_FORMAT_ERROR };
  const fields = stringFields(body, ['openid'] as const);
  if (!fields.ok) return fields;
  const openid = fields.value.openid;
  if (openid === undefined || !isOpenidShaped(openid)) return { ok: false, errcode: WxErr.INVALID_OPENID };
  const scene = intField(body, 'scene');
  if (!scene.ok) return scene;
  if (scene.value === undefined || scene.value < 1 || scene.value > 4)
    return { ok: false, errcode: WxErr.INVALID_SCENE };
  return { ok: true, value: { appid: auth.value, openid, scene: scene.value, body } };
}

export function msgSecCheck(state: SimState, req: SimRequest): SimResponse {
  const common = commonParams(state, req);
  if (!common.ok) return wxFail(state, common.errcode);
  const fields = stringFields(common.value.body, ['content', 'title', 'nickname', 'signature'] as const);
  if (!fields.ok) return wxFail(state, fields.errcode);
  const { content, title, nickname, signature } = fields.value;
  if (content === undefined) return wxFail(state, WxErr.EMPTY_POST_DATA);
  if ([...content].length > TEXT_MAX_CHARS) return wxFail(state, WxErr.DATA_FORMAT_ERROR);

  // Title, nickname and signature are checked together with the content.
  const verdict = textVerdict([content, title, nickname, signature].filter(Boolean).join('\n'));
  return wxOk({
    errcode: 0,
    errmsg: 'ok',
    result: { suggest: verdict.suggest, label: verdict.label },
    detail: verdictDetail(verdict, true),
    trace_id: newTraceId(state.now()),
  });
}

export function mediaCheckAsync(state: SimState, req: SimRequest): SimResponse {
  const common = commonParams(state, req);
  if (!common.ok) return wxFail(state, common.errcode);
  const { appid, openid, scene, body } = common.value;
  const fields = stringFields(body, ['media_url'] as const);
  if (!fields.ok) return wxFail(state, fields.errcode);
  const mediaUrl = fields.value.media_url;
  if (mediaUrl === undefined) return wxFail(state, WxErr.EMPTY_POST_DATA);
  if (!/^https?:\/\/\S+$/i.test(mediaUrl)) return wxFail(state, WxErr.DATA_FORMAT_ERROR);
  // 1 audio, 2 image; both are "checked" the same way (markers in the bytes).
  const mediaType = intField(body, 'media_type');
  if (!mediaType.ok) return wxFail(state, mediaType.errcode);
  if (mediaType.value !== 1 && mediaType.value !== 2) return wxFail(state, WxErr.DATA_FORMAT_ERROR);

  const traceId = newTraceId(state.now());
  state.media.enqueue({ traceId, appid, openid, mediaUrl, scene });
  return wxOk({ errcode: 0, errmsg: 'ok', trace_id: traceId });
}
