import type { EntityManager } from 'typeorm';
import type { HeadRelation } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { Household, Person } from '../entities';

/**
 * The membership rules of a household (户), used by the household endpoints and by person writes
 * alike: a person belongs to at most one household; moving to another one means leaving the first
 * explicitly; `self` (户主) is the household's head, and there is only one.
 * Callers have checked both records are in the caller's scope and run these inside a transaction.
 */

export const ALREADY_IN_OTHER_HOUSEHOLD = '该人员已属于其他户，请先从原户移出后再加入';

/** Adds `person` to `household` with the given relation; a `self` member becomes the head. */
export async function joinHousehold(
  m: EntityManager,
  household: Household,
  person: Person,
  relation: HeadRelation,
): Promise<void> {
  if (person.householdId === household.id) throw new AppError('CONFLICT', '该人员已是本户成员');
  if (person.householdId) throw new AppError('CONFLICT', ALREADY_IN_OTHER_HOUSEHOLD);
  await setRelation(m, household, person, relation);
}

/** Changes the relation of a current member (making them head when `self`). */
export async function setRelation(
  m: EntityManager,
  household: Household,
  person: Person,
  relation: HeadRelation,
): Promise<void> {
  if (relation === 'self') {
    if (household.headPersonId && household.headPersonId !== person.id) {
      throw new AppError('VALIDATION_FAILED', '本户已有户主，请先更换户主', [
        { field: 'relationToHead', message: '本户已有户主' },
      ]);
    }
    household.headPersonId = person.id;
    await m.update(Household, { id: household.id }, { headPersonId: person.id });
  } else if (household.headPersonId === person.id) {
    household.headPersonId = null;
    await m.update(Household, { id: household.id }, { headPersonId: null });
  }
  person.householdId = household.id;
  person.relationToHead = relation;
  await m.update(Person, { id: person.id }, { householdId: household.id, relationToHead: relation });
}

/** Detaches `person` from their household; a head leaves the household without a head. */
export async function leaveHousehold(m: EntityManager, household: Household, person: Person): Promise<void> {
  if (person.householdId !== household.id) throw new AppError('NOT_FOUND', '该人员不是本户成员');
  if (household.headPersonId === person.id) {
    household.headPersonId = null;
    await m.update(Household, { id: household.id }, { headPersonId: null });
  }
  person.householdId = null;
  person.relationToHead = null;
  await m.update(Person, { id: person.id }, { householdId: null, relationToHead: null });
}

/**
 * Makes `person` the head. A person outside any household joins as `self`; the previous head stays
 * a member with relation `other` (relations to the new head must be reviewed by staff anyway).
 */
export async function makeHead(m: EntityManager, household: Household, person: Person): Promise<void> {
  if (person.householdId && person.householdId !== household.id)
    throw new AppError('CONFLICT', ALREADY_IN_OTHER_HOUSEHOLD);
  const previous = household.headPersonId;
  if (previous === person.id) return;
  if (previous) await m.update(Person, { id: previous, householdId: household.id }, { relationToHead: 'other' });
  household.headPersonId = null;
  await setRelation(m, household, person, 'self');
}

/** Clears the head (the former head stays a member, relation `other`). */
export async function clearHead(m: EntityManager, household: Household): Promise<void> {
  if (!household.headPersonId) return;
  await m.update(Person, { id: household.headPersonId, householdId: household.id }, { relationToHead: 'other' });
  household.headPersonId = null;
  await m.update(Household, { id: household.id }, { headPersonId: null });
}
