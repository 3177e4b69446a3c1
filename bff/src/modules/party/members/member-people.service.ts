import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { maskPhone } from '@zhili/shared';
import type { Gender } from '@zhili/shared';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { ageOn, Person, PersonViewsService, todayInShanghai } from '../../registry';
import type { PartyMember } from './party-member.entity';

/** Who a member file is about, as views show them: masked the way the registry masks. */
export interface MemberPerson {
  name: string;
  gender: Gender | null;
  birthDate: string | null;
  age: number | null;
  /** Masked. */
  phone: string | null;
  /** Masked (linked members only). */
  idNumber: string | null;
  regionName: string | null;
}

/**
 * Names and masked numbers of member files: linked members through the registry's own view
 * (PersonViewsService, which decrypts only to mask), standalone members from their encrypted
 * columns, masked here the same way. Batched: two queries for a page, never one per row.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MemberPeopleService {
  @InjectEntityModel(Person)
  private persons!: Repository<Person>;

  @Inject()
  private personViews!: PersonViewsService;

  @Inject()
  private cipher!: PiiCipher;

  async describe(members: readonly PartyMember[], now: Date = new Date()): Promise<Map<string, MemberPerson>> {
    const today = todayInShanghai(now);
    const personIds = [...new Set(members.flatMap((m) => (m.personId ? [m.personId] : [])))];
    const linked = personIds.length ? await this.persons.findBy({ id: In(personIds) }) : [];
    const views = new Map((await this.personViews.toVOs(linked, now)).map((p) => [p.id, p]));
    const result = new Map<string, MemberPerson>();
    for (const m of members) {
      if (m.personId) {
        const p = views.get(m.personId);
        result.set(m.id, {
          name: p?.name ?? '（人口信息已删除）',
          gender: p?.gender ?? null,
          birthDate: p?.birthDate ?? null,
          age: p?.age ?? null,
          phone: p?.phone ?? null,
          idNumber: p?.idNumber ?? null,
          regionName: p?.regionName ?? null,
        });
        continue;
      }
      const phone = this.cipher.open(m.phone);
      result.set(m.id, {
        name: this.cipher.open(m.name) ?? '',
        gender: m.gender,
        birthDate: m.birthDate,
        age: ageOn(m.birthDate, today),
        phone: phone ? maskPhone(phone) : null,
        idNumber: null,
        regionName: null,
      });
    }
    return result;
  }

  /** Names by member id (committee seats, pickers). */
  async namesOf(members: readonly PartyMember[]): Promise<Map<string, string>> {
    const people = await this.describe(members);
    return new Map([...people].map(([id, p]) => [id, p.name]));
  }

  /** Names of registry persons by id (committee seats held by someone without a member file). */
  async personNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.persons.find({ where: { id: In(unique) }, select: { id: true, name: true } });
    return new Map(rows.map((p) => [p.id, p.name]));
  }
}
