import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { PersonTag, TagDefinition } from '../entities';
import { fieldError } from './person-identity';

export interface TagChange {
  added: string[];
  removed: string[];
}

/**
 * Replaces a person's tags with `codes`. New codes must be active tags of the managed list; a tag the
 * person already has may be kept even if it was deactivated since (so saving a form never fails on
 * it). Tags that stay keep their `tagged_at` (the visit clock of someone never visited starts there).
 */
export async function replacePersonTags(
  m: EntityManager,
  person: { id: string; scopePath: string },
  codes: readonly string[],
  now: Date = new Date(),
): Promise<TagChange> {
  const wanted = [...new Set(codes)];
  const current = await m.findBy(PersonTag, { personId: person.id });
  const have = new Set(current.map((t) => t.tagCode));
  const added = wanted.filter((c) => !have.has(c));
  const removed = [...have].filter((c) => !wanted.includes(c));
  if (added.length) {
    const active = new Set((await m.findBy(TagDefinition, { code: In(added), active: true })).map((t) => t.code));
    const unknown = added.filter((c) => !active.has(c));
    if (unknown.length) throw fieldError('codes', `标签不存在或已停用：${unknown.join('、')}`);
    await m.insert(
      PersonTag,
      added.map((tagCode) => ({ personId: person.id, tagCode, scopePath: person.scopePath, taggedAt: now })),
    );
  }
  if (removed.length) await m.delete(PersonTag, { personId: person.id, tagCode: In(removed) });
  return { added, removed };
}
