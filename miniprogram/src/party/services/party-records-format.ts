import {
  appraisalResultLabels,
  honourKindLabels,
  honourLevelLabels,
  type AppraisalResult,
  type PartyContactVO,
  type PublishedHonourVO,
} from '@zhili/shared/client';

/** Display helpers of the 荣誉 and 通讯录 pages. Pure. */

/** Who was honoured: the member's name for a member honour, the organisation's name otherwise. */
export function honourHolder(h: Pick<PublishedHonourVO, 'kind' | 'orgName' | 'memberName'>): string {
  return h.kind === 'member' && h.memberName ? h.memberName : h.orgName;
}

/** `县级 · 中共某县委员会 · 2026-07-01` — level, awarding body and the day it was awarded. */
export function honourMeta(h: Pick<PublishedHonourVO, 'level' | 'awardingBody' | 'awardedOn'>): string {
  return `${honourLevelLabels[h.level]} · ${h.awardingBody} · ${h.awardedOn}`;
}

/** What a screen reader says for an honour row: kind, title, holder, level, body, day. */
export function honourLabel(h: PublishedHonourVO): string {
  return `${honourKindLabels[h.kind]}：${h.title}，${honourHolder(h)}，${honourMeta(h).replace(/ · /g, '，')}`;
}

/** `2025 年度 民主评议：优秀`. */
export function appraisalLine(a: { year: number; result: AppraisalResult }): string {
  return `${a.year} 年度民主评议：${appraisalResultLabels[a.result]}`;
}

/** Only these results are worth a warning colour (with the words themselves, never colour alone). */
export function appraisalNeedsAttention(result: AppraisalResult): boolean {
  return result === 'basically_qualified' || result === 'unqualified';
}

/**
 * The contact book filtered by what was typed: a name, a position or a digit group of the (masked)
 * phone number; blanks are ignored, letters compared case-insensitively. Empty input keeps all.
 */
export function filterContacts<T extends Pick<PartyContactVO, 'name' | 'position' | 'phone'>>(
  contacts: readonly T[],
  input: string,
): T[] {
  const needle = input.replace(/\s+/g, '').toLowerCase();
  if (!needle) return [...contacts];
  return contacts.filter((c) =>
    [c.name, c.position ?? '', c.phone ?? ''].some((field) => field.replace(/\s+/g, '').toLowerCase().includes(needle)),
  );
}
