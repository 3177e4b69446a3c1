import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager, Not } from 'typeorm';
import type { HeadRelation, PersonCreateInput, PersonDetailVO, PersonUpdateInput } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { InfraService } from '../../../core/infra/infra.service';
import { ScopedRepository } from '../../../core/scope/scoped-repository';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import { RegionService } from '../../region';
import { Household, Person, PersonHouse, PersonTag, Visit } from '../entities';
import { joinHousehold, leaveHousehold, setRelation } from '../households/household-membership';
import { applyFloating, blankToNull, checkDay, checkPersonRegion } from './person-fields';
import { fieldError, resolveIdentity, resolvePhone } from './person-identity';
import { PersonQueryService } from './person-query.service';
import { replacePersonTags } from './person-tags';
import { todayInShanghai } from './person-view';

type PersonPatch = PersonUpdateInput;

/**
 * Writes of the person registry: create, update (including moving to another region, which moves
 * the scope of everything hanging on the person), delete and tagging. All in the caller's scope,
 * each in one transaction, each audited with field names only (never the personal values).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PersonCommandService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private infra!: InfraService;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private query!: PersonQueryService;

  private get households(): ScopedRepository<Household> {
    return new ScopedRepository(this.dataSource, Household, 'scopePath', 'h');
  }

  async create(acting: Acting, body: PersonCreateInput): Promise<PersonDetailVO> {
    const now = new Date();
    const today = todayInShanghai(now);
    const identity = resolveIdentity(
      { idNumber: body.idNumber, gender: body.gender, birthDate: blankToNull(body.birthDate) },
      now,
    );
    if (!identity.gender) throw fieldError('gender', '请选择性别，或填写身份证号');
    checkDay('birthDate', identity.birthDate, today);
    const phone = resolvePhone(body.phone);
    const region = await this.regions.getInScope(acting.actor, body.regionId);
    checkPersonRegion(region);
    const household = body.householdId ? await this.households.get(acting.actor, body.householdId) : null;
    const relation = this.relationFor(household, body.relationToHead);

    const person = this.dataSource.getRepository(Person).create({
      id: randomUUID(),
      name: body.name,
      gender: identity.gender,
      birthDate: identity.birthDate ?? null,
      idNumber: this.cipher.seal(identity.idNumber),
      phone: this.cipher.seal(phone),
      hukouType: body.hukouType,
      hukouAddress: blankToNull(body.hukouAddress) ?? null,
      address: blankToNull(body.address) ?? null,
      origin: null,
      arrivalDate: null,
      permitStatus: null,
      permitExpiry: null,
      householdId: null,
      relationToHead: null,
      status: body.status ?? 'active',
      note: blankToNull(body.note) ?? null,
      lastVisitedAt: null,
      regionId: region.id,
      scopePath: region.path,
    });
    applyFloating(person, body.hukouType, body, today);

    await this.uniqueIdNumber(person.idNumber.hash, null, async () => {
      await this.dataSource.transaction(async (m) => {
        await m.insert(Person, person);
        if (body.tags?.length) await replacePersonTags(m, person, body.tags, now);
        if (household && relation) await joinHousehold(m, household, person, relation);
      });
    });
    await this.audit.record(acting, {
      action: 'person.create',
      resourceType: 'person',
      resourceId: person.id,
      result: 'success',
      detail: {
        regionId: region.id,
        hukouType: person.hukouType,
        householdId: person.householdId,
        tags: body.tags ?? [],
      },
    });
    return this.query.detail(acting.actor, person.id, now);
  }

  async update(acting: Acting, id: string, body: PersonPatch): Promise<PersonDetailVO> {
    const now = new Date();
    const today = todayInShanghai(now);
    const person = await this.query.scoped.get(acting.actor, id);
    const before = { regionId: person.regionId, scopePath: person.scopePath };
    const changed: string[] = [];
    const set = <K extends keyof Person>(key: K, value: Person[K]) => {
      if (value !== person[key]) changed.push(key);
      person[key] = value;
    };

    if (body.name !== undefined) set('name', body.name);
    this.applyIdentity(person, body, now, today, changed);
    if (body.phone !== undefined) {
      const phone = resolvePhone(body.phone);
      if (phone !== this.cipher.open(person.phone)) {
        person.phone = this.cipher.seal(phone);
        changed.push('phone');
      }
    }
    const hukouType = body.hukouType ?? person.hukouType;
    set('hukouType', hukouType);
    const floatingBefore = JSON.stringify([
      person.origin,
      person.arrivalDate,
      person.permitStatus,
      person.permitExpiry,
    ]);
    applyFloating(person, hukouType, body, today);
    if (
      JSON.stringify([person.origin, person.arrivalDate, person.permitStatus, person.permitExpiry]) !== floatingBefore
    )
      changed.push('floating');
    if (body.hukouAddress !== undefined) set('hukouAddress', blankToNull(body.hukouAddress) ?? null);
    if (body.address !== undefined) set('address', blankToNull(body.address) ?? null);
    if (body.note !== undefined) set('note', blankToNull(body.note) ?? null);
    if (body.status !== undefined) set('status', body.status);
    if (body.regionId !== undefined && body.regionId !== person.regionId) {
      const region = await this.regions.getInScope(acting.actor, body.regionId);
      checkPersonRegion(region);
      set('regionId', region.id);
      set('scopePath', region.path);
    }

    const target = await this.householdTarget(acting.actor, person, body);
    await this.uniqueIdNumber(changed.includes('idNumber') ? person.idNumber.hash : null, person.id, async () => {
      await this.dataSource.transaction(async (m) => {
        await m.save(Person, person);
        if (person.scopePath !== before.scopePath) await this.moveScope(m, person.id, person.scopePath);
        if (body.tags !== undefined) {
          const change = await replacePersonTags(m, person, body.tags, now);
          if (change.added.length || change.removed.length) changed.push('tags');
        }
        if (target) await this.applyHousehold(m, person, target, changed);
      });
    });
    await this.audit.record(acting, {
      action: 'person.update',
      resourceType: 'person',
      resourceId: person.id,
      result: 'success',
      detail: {
        fields: [...new Set(changed)],
        ...(before.regionId !== person.regionId ? { regionFrom: before.regionId, regionTo: person.regionId } : {}),
      },
    });
    return this.query.detail(acting.actor, person.id, now);
  }

  /** Hard delete (for records entered by mistake; people who leave are set to moved_out instead). */
  async remove(acting: Acting, id: string): Promise<void> {
    const person = await this.query.scoped.get(acting.actor, id);
    await this.dataSource.transaction(async (m) => {
      if (await m.existsBy(Household, { headPersonId: person.id })) {
        throw new AppError('RECORD_IN_USE', '该人员是户主，请先更换户主或删除该户后再删除');
      }
      await m.delete(PersonTag, { personId: person.id });
      await m.delete(PersonHouse, { personId: person.id });
      // Visits describe this person only; kept, they would point at nobody.
      await m.delete(Visit, { personId: person.id });
      await m.delete(Person, { id: person.id });
    });
    await this.audit.record(acting, {
      action: 'person.delete',
      resourceType: 'person',
      resourceId: person.id,
      result: 'success',
      detail: { regionId: person.regionId, householdId: person.householdId },
    });
  }

  async setTags(acting: Acting, id: string, codes: string[]): Promise<PersonDetailVO> {
    const person = await this.query.scoped.get(acting.actor, id);
    const change = await this.dataSource.transaction((m) => replacePersonTags(m, person, codes));
    await this.audit.record(acting, {
      action: 'person.tags.update',
      resourceType: 'person',
      resourceId: person.id,
      result: 'success',
      detail: { ...change },
    });
    return this.query.detail(acting.actor, person.id);
  }

  /** ID number, gender and birth date change together: the number decides the other two when present. */
  private applyIdentity(person: Person, body: PersonPatch, now: Date, today: string, changed: string[]): void {
    const touched = body.idNumber !== undefined || body.gender !== undefined || body.birthDate !== undefined;
    if (!touched) return;
    const stored = this.cipher.open(person.idNumber);
    const idNumber = body.idNumber !== undefined ? body.idNumber : stored;
    const birthDate = body.birthDate !== undefined ? blankToNull(body.birthDate) : undefined;
    const identity = resolveIdentity({ idNumber, gender: body.gender, birthDate: birthDate ?? undefined }, now);
    if (identity.idNumber !== stored) {
      person.idNumber = this.cipher.seal(identity.idNumber);
      changed.push('idNumber');
    }
    const gender = identity.gender ?? person.gender;
    const birth = identity.idNumber
      ? (identity.birthDate ?? null)
      : birthDate !== undefined
        ? birthDate
        : person.birthDate;
    checkDay('birthDate', birth, today);
    if (gender !== person.gender) changed.push('gender');
    if (birth !== person.birthDate) changed.push('birthDate');
    person.gender = gender;
    person.birthDate = birth;
  }

  /**
   * Serializes writes of one ID number across processes, then refuses it when another person has it
   * (the hash index is not unique: imports check duplicates the same way, with row-level messages).
   */
  private async uniqueIdNumber(hash: string | null, selfId: string | null, write: () => Promise<void>): Promise<void> {
    if (!hash) return write();
    await this.infra.infra.lock.withLock(`person:id-number:${hash}`, 10_000, 10_000, async () => {
      const where = selfId ? { idNumber: { hash }, id: Not(selfId) } : { idNumber: { hash } };
      if (await this.dataSource.getRepository(Person).existsBy(where)) throw new AppError('PERSON_DUPLICATE');
      await write();
    });
  }

  /**
   * Rows that carry the person's scope follow them to the new region, in the same transaction.
   * `person_house` is not among them: its scope is the house's (see the entity), kept by the places
   * module when a house moves.
   */
  private async moveScope(m: EntityManager, personId: string, scopePath: string): Promise<void> {
    await m.update(PersonTag, { personId }, { scopePath });
    await m.update(Visit, { personId }, { scopePath });
  }

  private relationFor(household: Household | null, relation: HeadRelation | null | undefined): HeadRelation | null {
    if (!household) return null;
    if (!relation) throw fieldError('relationToHead', '请选择与户主关系');
    return relation;
  }

  /** What a PATCH asks of the person's household membership, checked against the scope up front. */
  private async householdTarget(
    principal: Principal,
    person: Person,
    body: PersonPatch,
  ): Promise<{ household: Household | null; relation: HeadRelation | null; leaving: Household | null } | null> {
    const wantsId = body.householdId === undefined ? person.householdId : (blankToNull(body.householdId) ?? null);
    if (wantsId === person.householdId && body.relationToHead === undefined) return null;
    const current = person.householdId
      ? await this.dataSource.getRepository(Household).findOneBy({ id: person.householdId })
      : null;
    if (!wantsId) return current ? { household: null, relation: null, leaving: current } : null;
    if (person.householdId && wantsId !== person.householdId)
      throw new AppError('CONFLICT', '该人员已属于其他户，请先从原户移出后再加入');
    const household = await this.households.get(principal, wantsId);
    const relation = body.relationToHead ?? person.relationToHead;
    if (!relation) throw fieldError('relationToHead', '请选择与户主关系');
    return { household, relation, leaving: null };
  }

  private async applyHousehold(
    m: EntityManager,
    person: Person,
    target: { household: Household | null; relation: HeadRelation | null; leaving: Household | null },
    changed: string[],
  ): Promise<void> {
    if (!target.household) {
      if (target.leaving) await leaveHousehold(m, target.leaving, person);
      changed.push('householdId');
      return;
    }
    if (person.householdId === target.household.id)
      await setRelation(m, target.household, person, target.relation as HeadRelation);
    else await joinHousehold(m, target.household, person, target.relation as HeadRelation);
    changed.push('householdId', 'relationToHead');
  }
}
