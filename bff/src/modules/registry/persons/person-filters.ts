import type { SelectQueryBuilder } from 'typeorm';
import type { Gender, HukouType, PersonStatus } from '@zhili/shared';
import { whereStartsWith } from '../../../core/scope/data-scope';
import type { Person } from '../entities';

/**
 * Filters of the person list, shared by `GET /api/admin/persons`, the Excel export and the
 * mini-program's grid lists so all three select exactly the same people.
 */
export interface PersonFilters {
  /**
   * Restrict to this region's subtree (must already be checked to lie in the caller's scope). NOT
   * applied by applyPersonFilters: pass it as the `within` of applyScope / ScopedRepository, which
   * merge it with the scope into one index range.
   */
  regionPath?: string;
  /** Tag codes: a person must carry every one. */
  tags?: string[];
  /**
   * Name prefix (`张`), or an exact ID number / mobile (matched through the keyed hash, never by
   * decrypting): pass `qHash` with the hash of the normalized number in that case.
   */
  q?: string;
  qHash?: string;
  gender?: Gender;
  hukouType?: HukouType;
  /** Default `active`; `all` = no status filter. */
  status?: PersonStatus | 'all';
  householdId?: string;
  /** Age bounds in whole years, applied to birth_date (YYYY-MM-DD strings compare as dates). */
  ageMin?: number;
  ageMax?: number;
  /** Today's date (YYYY-MM-DD, Asia/Shanghai), for the age bounds. */
  today?: string;
}

export type PersonSortKey = 'name' | 'birthDate' | 'createdAt';

const sortColumns: Record<PersonSortKey, string> = { name: 'name', birthDate: 'birth_date', createdAt: 'created_at' };

function shiftYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) - years;
  return `${String(y).padStart(4, '0')}${day.slice(4)}`;
}

/** Adds the filters to a query over `person` aliased `alias` (scope is applied by the caller). */
export function applyPersonFilters(
  qb: SelectQueryBuilder<Person>,
  alias: string,
  f: PersonFilters,
): SelectQueryBuilder<Person> {
  const status = f.status ?? 'active';
  if (status !== 'all') qb.andWhere(`${alias}.status = :pfStatus`, { pfStatus: status });
  if (f.gender) qb.andWhere(`${alias}.gender = :pfGender`, { pfGender: f.gender });
  if (f.hukouType) qb.andWhere(`${alias}.hukou_type = :pfHukou`, { pfHukou: f.hukouType });
  if (f.householdId) qb.andWhere(`${alias}.household_id = :pfHousehold`, { pfHousehold: f.householdId });
  if (f.qHash) {
    qb.andWhere(`(${alias}.id_number_hash = :pfHash OR ${alias}.phone_hash = :pfHash)`, { pfHash: f.qHash });
  } else if (f.q) {
    // A range as well as the LIKE, so SQLite (whose LIKE is case-insensitive) can use idx_person_name.
    whereStartsWith(qb, `${alias}.name`, f.q, 'pfName');
  }
  (f.tags ?? []).forEach((code, i) => {
    // EXISTS per tag: uses the (tag_code, scope_path) index and needs no GROUP BY.
    qb.andWhere(
      `EXISTS (SELECT 1 FROM person_tag pt${i} WHERE pt${i}.person_id = ${alias}.id AND pt${i}.tag_code = :pfTag${i})`,
      { [`pfTag${i}`]: code },
    );
  });
  if (f.today && f.ageMin !== undefined)
    qb.andWhere(`${alias}.birth_date <= :pfBornBefore`, { pfBornBefore: shiftYears(f.today, f.ageMin) });
  if (f.today && f.ageMax !== undefined)
    qb.andWhere(`${alias}.birth_date > :pfBornAfter`, { pfBornAfter: shiftYears(f.today, f.ageMax + 1) });
  return qb;
}

/** ORDER BY for the person list; ties broken by id so pages never overlap. */
export function orderPersons(
  qb: SelectQueryBuilder<Person>,
  alias: string,
  sort: PersonSortKey = 'name',
  order: 'ASC' | 'DESC' = 'ASC',
): SelectQueryBuilder<Person> {
  return qb.orderBy(`${alias}.${sortColumns[sort]}`, order).addOrderBy(`${alias}.id`, 'ASC');
}
