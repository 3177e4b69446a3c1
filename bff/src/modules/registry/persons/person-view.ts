import { maskIdNumber, maskPhone } from '@zhili/shared';
import type { PersonVO } from '@zhili/shared';
import type { PiiCipher } from '../../../core/crypto/pii-cipher';
import type { Person } from '../entities';

/** Whole years between a YYYY-MM-DD birth date and `today` (YYYY-MM-DD); null when unknown. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  let age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (today.slice(5) < birthDate.slice(5)) age -= 1;
  return age;
}

/** Today in Asia/Shanghai as YYYY-MM-DD (ages and due dates follow the local calendar). */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface PersonViewContext {
  cipher: PiiCipher;
  regionNames: ReadonlyMap<string, string>;
  tagsByPerson: ReadonlyMap<string, string[]>;
  today: string;
}

/**
 * The list shape of a person: ID number and phone decrypted only to be masked here, so no caller can
 * forget the masking. Unmasked values come from the audited `/pii` endpoint alone.
 */
export function toPersonVO(p: Person, ctx: PersonViewContext): PersonVO {
  const id = ctx.cipher.open(p.idNumber);
  const phone = ctx.cipher.open(p.phone);
  return {
    id: p.id,
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    age: ageOn(p.birthDate, ctx.today),
    idNumber: id ? maskIdNumber(id) : null,
    phone: phone ? maskPhone(phone) : null,
    hukouType: p.hukouType,
    status: p.status,
    regionId: p.regionId,
    regionName: ctx.regionNames.get(p.regionId) ?? '',
    householdId: p.householdId,
    relationToHead: p.relationToHead,
    tags: ctx.tagsByPerson.get(p.id) ?? [],
    address: p.address,
  };
}
