// Deterministic content-security verdicts (msgSecCheck / mediaCheckAsync v2). Real WeChat runs
// models; the simulator reacts to marker strings so tests and demos can provoke every outcome.
import { randomBytes } from 'node:crypto';
import type { JsonObject, Suggest } from './types';

/** Text containing this is "risky" (msgSecCheck). */
export const TEXT_RISKY_MARKER = '【测试违规】';
/** Text containing this needs a human ("review"). */
export const TEXT_REVIEW_MARKER = '【测试复核】';
/** Media whose bytes contain this is "risky" (e.g. appended to a JPEG after its EOI marker). */
export const MEDIA_RISKY_MARKER = 'ZHILI-SIM-RISKY';
export const MEDIA_REVIEW_MARKER = 'ZHILI-SIM-REVIEW';

/**
 * `label` values of the v2 result (msgSecCheck doc): 100 normal; 10001 ads; 20001 politics;
 * 20002 porn; 20003 abuse; 20006 crime; 20008 fraud; 20012 vulgar; 20013 copyright; 21000 other.
 */
export const WxLabel = { NORMAL: 100, POLITICS: 20001, PORN: 20002, OTHER: 21000 } as const;

export interface Verdict {
  suggest: Suggest;
  label: number;
}

const PASS: Verdict = { suggest: 'pass', label: WxLabel.NORMAL };

/** The text verdict; risky wins over review when both markers are present. */
export function textVerdict(content: string): Verdict {
  if (content.includes(TEXT_RISKY_MARKER)) return { suggest: 'risky', label: WxLabel.POLITICS };
  if (content.includes(TEXT_REVIEW_MARKER)) return { suggest: 'review', label: WxLabel.OTHER };
  return PASS;
}

/** The media verdict: markers in the bytes first, then a verdict registered for the sha256. */
export function mediaVerdict(bytes: Buffer, registered: Suggest | undefined): Verdict {
  if (bytes.includes(MEDIA_RISKY_MARKER)) return { suggest: 'risky', label: WxLabel.PORN };
  if (bytes.includes(MEDIA_REVIEW_MARKER)) return { suggest: 'review', label: WxLabel.OTHER };
  if (registered === 'risky') return { suggest: 'risky', label: WxLabel.PORN };
  if (registered === 'review') return { suggest: 'review', label: WxLabel.OTHER };
  return PASS;
}

/**
 * `detail` of a v2 answer: the model's entry (prob 90 for a clear call, 60 for "review"), plus the
 * keyword strategy's entry, which real WeChat fills only for the app's own custom keywords.
 */
export function verdictDetail(verdict: Verdict, withKeyword: boolean): JsonObject[] {
  const model: JsonObject = {
    strategy: 'content_model',
    errcode: 0,
    suggest: verdict.suggest,
    label: verdict.label,
    prob: verdict.suggest === 'review' ? 60 : 90,
  };
  return withKeyword ? [model, { strategy: 'keyword', errcode: 0 }] : [model];
}

/** A trace_id shaped like WeChat's ("62987eb8-18ca076c-37fc373b": unix seconds in hex first). */
export function newTraceId(nowMs: number): string {
  const secs = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${secs}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}

/** 28 base64url chars, like every mini-program openid; the simulator's own are simOpenid(). */
export function isOpenidShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{28}$/.test(value);
}
