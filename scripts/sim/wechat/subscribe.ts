// Subscribe messages (订阅消息): the built-in templates, one-time quotas and the sent-message log.
import type { JsonObject, SentSubscribeMessage } from './types';

/** Field kinds used by our templates, with WeChat's documented value rules. */
export type FieldKind = 'thing' | 'phrase' | 'character_string' | 'time';

export interface SimTemplate {
  id: string;
  title: string;
  /** Keyword key (e.g. "thing2") → its label in the template. */
  fields: Record<string, string>;
}

/**
 * Ids equal the BFF's defaults (WECHAT_TMPL_CASE_*), so dev and tests need no configuration; the party
 * meeting invitation has no default (unset = not pushed), tests set WECHAT_TMPL_PARTY_MEETING to it.
 */
export const SIM_TEMPLATES: readonly SimTemplate[] = [
  {
    id: 'sim_tmpl_case_accepted',
    title: '工单受理通知',
    fields: { character_string1: '工单编号', thing2: '问题类型', phrase3: '状态', time4: '受理时间', thing5: '备注' },
  },
  {
    id: 'sim_tmpl_case_dispatched',
    title: '工单派单通知',
    fields: { character_string1: '工单编号', thing2: '处理人', phrase3: '状态', time4: '派单时间', thing5: '备注' },
  },
  {
    id: 'sim_tmpl_case_resolved',
    title: '工单办结通知',
    fields: {
      character_string1: '工单编号',
      thing2: '问题类型',
      phrase3: '状态',
      time4: '办结时间',
      thing5: '处理结果',
    },
  },
  {
    id: 'sim_tmpl_party_meeting',
    title: '会议通知',
    fields: { thing1: '会议名称', time2: '会议时间', thing3: '会议地点' },
  },
  {
    id: 'sim_tmpl_study_reminder',
    title: '学习提醒',
    fields: { thing1: '课程名称', thing2: '学习进度', thing3: '温馨提示' },
  },
  {
    id: 'sim_tmpl_dues_reminder',
    title: '党费交纳提醒',
    fields: { thing1: '事项', character_string2: '欠缴金额（元）', thing3: '温馨提示' },
  },
];

export function templateById(id: string): SimTemplate | undefined {
  return SIM_TEMPLATES.find((template) => template.id === id);
}

export function fieldKind(key: string): FieldKind | null {
  const match = /^(thing|phrase|character_string|time)\d+$/.exec(key);
  return match ? (match[1] as FieldKind) : null;
}

/** Counts characters as WeChat does (code points: one CJK character is one). */
const charCount = (value: string): number => [...value].length;

/**
 * WeChat's rules (subscribe-message doc, 参数值内容限制): thing ≤ 20 characters; phrase ≤ 5
 * characters, Chinese only; character_string ≤ 32 letters, digits or symbols; time a 24-hour time,
 * optionally with a date (2019-10-01 15:01 or 2019年10月1日 15:01) or a range joined by "~".
 */
export function valueValid(kind: FieldKind, value: string): boolean {
  switch (kind) {
    case 'thing':
      return charCount(value) <= 20;
    case 'phrase':
      return charCount(value) <= 5 && /^[\u4e00-\u9fff]+$/.test(value);
    case 'character_string':
      return value.length <= 32 && /^[\x21-\x7e]+$/.test(value);
    case 'time': {
      const point = /^(?:(?:\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日) )?(?:[01]\d|2[0-3]):[0-5]\d$/;
      return value.split('~').every((part) => point.test(part.trim()));
    }
  }
}

/**
 * The first problem with `data` for `template`, as WeChat's 47003 errmsg words it
 * ("argument invalid! data.thing2.value is emtpy" — WeChat's own spelling), or null.
 */
export function dataProblem(template: SimTemplate, data: JsonObject): string | null {
  for (const key of Object.keys(template.fields)) {
    const entry = data[key];
    const value = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry.value : undefined;
    if (value === undefined || value === null || value === '') return `data.${key}.value is emtpy`;
    if (typeof value !== 'string') return `data.${key}.value invalid`;
    const kind = fieldKind(key);
    if (!kind || !valueValid(kind, value)) return `data.${key}.value invalid`;
  }
  // Keys the template does not have: refused, so a mapping bug in the client shows up here.
  for (const key of Object.keys(data)) {
    if (!(key in template.fields)) return `data.${key} invalid`;
  }
  return null;
}

/** One-time subscriptions per (appid, openid, template) and the log of sent messages. */
export class SubscribeStore {
  private readonly quota = new Map<string, number>();
  private readonly sent: SentSubscribeMessage[] = [];

  private key(appid: string, openid: string, templateId: string): string {
    return `${appid}\u0000${openid}\u0000${templateId}`;
  }

  /** What tapping "允许" in wx.requestSubscribeMessage does: one more message may be sent. */
  grant(appid: string, openid: string, templateId: string): number {
    const key = this.key(appid, openid, templateId);
    const next = (this.quota.get(key) ?? 0) + 1;
    this.quota.set(key, next);
    return next;
  }

  /** Consumes one quota; false when there is none (→ 43101). */
  consume(appid: string, openid: string, templateId: string): boolean {
    const key = this.key(appid, openid, templateId);
    const left = this.quota.get(key) ?? 0;
    if (left <= 0) return false;
    this.quota.set(key, left - 1);
    return true;
  }

  record(message: SentSubscribeMessage): void {
    this.sent.push(message);
  }

  messages(openid?: string): SentSubscribeMessage[] {
    return this.sent.filter((m) => openid === undefined || m.touser === openid).map((m) => ({ ...m }));
  }

  clear(): void {
    this.quota.clear();
    this.sent.length = 0;
  }
}
