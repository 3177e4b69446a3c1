import type { SelectQueryBuilder } from 'typeorm';
import { allCaseStatuses, openCaseStatuses } from '@zhili/shared';
import type { CasePriority, CaseSource, CaseStatus } from '@zhili/shared';
import { likeEscape } from '../../../core/scope/data-scope';
import type { CaseRecord } from '../entities';
import type { CaseSort } from '@zhili/shared';

/**
 * Filters of the staff case inbox, shared by the list, the map and (through saved views) the
 * console, so all of them select exactly the same cases. Scope is NOT applied here: callers go
 * through applyScope with `regionPath` as its `within`, which merges both into one index range.
 */
export interface CaseFilters {
  /** Subtree of a region already checked to lie in the caller's scope (applyScope's `within`). */
  regionPath?: string;
  statuses?: CaseStatus[];
  categoryCode?: string;
  source?: CaseSource;
  priority?: CasePriority;
  /** Case number prefix (digits) or a description substring. */
  q?: string;
  assigneeId?: string;
  /** Only open cases past their deadline. */
  overdue?: boolean;
  createdFrom?: Date;
  /** Exclusive. */
  createdTo?: Date;
  now: Date;
}

/** `status=a&status=b` and `status=a,b` alike → the statuses; unknown names are returned apart. */
export function statusList(status: string | string[] | undefined): { statuses: CaseStatus[]; unknown: string[] } {
  const parts = (Array.isArray(status) ? status : [status ?? ''])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const unique = [...new Set(parts)];
  return {
    statuses: unique.filter((s): s is CaseStatus => (allCaseStatuses as readonly string[]).includes(s)),
    unknown: unique.filter((s) => !(allCaseStatuses as readonly string[]).includes(s)),
  };
}

/** Adds the filters to a query over `case_record` aliased `alias`. */
export function applyCaseFilters(
  qb: SelectQueryBuilder<CaseRecord>,
  alias: string,
  f: CaseFilters,
): SelectQueryBuilder<CaseRecord> {
  if (f.statuses?.length) qb.andWhere(`${alias}.status IN (:...cfStatuses)`, { cfStatuses: f.statuses });
  if (f.categoryCode) qb.andWhere(`${alias}.category_code = :cfCategory`, { cfCategory: f.categoryCode });
  if (f.source) qb.andWhere(`${alias}.source = :cfSource`, { cfSource: f.source });
  if (f.priority) qb.andWhere(`${alias}.priority = :cfPriority`, { cfPriority: f.priority });
  if (f.assigneeId) qb.andWhere(`${alias}.assignee_id = :cfAssignee`, { cfAssignee: f.assigneeId });
  if (f.createdFrom) qb.andWhere(`${alias}.created_at >= :cfFrom`, { cfFrom: f.createdFrom });
  if (f.createdTo) qb.andWhere(`${alias}.created_at < :cfTo`, { cfTo: f.createdTo });
  if (f.overdue) {
    qb.andWhere(`${alias}.status IN (:...cfOpen) AND ${alias}.due_at IS NOT NULL AND ${alias}.due_at < :cfNow`, {
      cfOpen: [...openCaseStatuses],
      cfNow: f.now,
    });
  }
  if (f.q) {
    const text = `%${likeEscape(f.q)}%`;
    if (/^\d+$/.test(f.q)) {
      qb.andWhere(`(${alias}.no LIKE :cfNo ESCAPE '!' OR ${alias}.description LIKE :cfText ESCAPE '!')`, {
        cfNo: `${likeEscape(f.q)}%`,
        cfText: text,
      });
    } else {
      qb.andWhere(`${alias}.description LIKE :cfText ESCAPE '!'`, { cfText: text });
    }
  }
  return qb;
}

/**
 * ORDER BY of the inbox; ties broken by id so pages never overlap. Deadlines: soonest first, none last.
 * The tie-breaker runs in the same direction as the time it breaks, so the newest-first default is a
 * backward walk of idx_case_created_at (created_at, id) instead of a sort of the whole scope.
 */
export function orderCases(
  qb: SelectQueryBuilder<CaseRecord>,
  alias: string,
  sort: CaseSort = '-createdAt',
): SelectQueryBuilder<CaseRecord> {
  switch (sort) {
    case 'dueAt':
      return qb
        .orderBy(`CASE WHEN ${alias}.due_at IS NULL THEN 1 ELSE 0 END`, 'ASC')
        .addOrderBy(`${alias}.due_at`, 'ASC')
        .addOrderBy(`${alias}.created_at`, 'DESC')
        .addOrderBy(`${alias}.id`, 'ASC');
    case 'createdAt':
      return qb.orderBy(`${alias}.created_at`, 'ASC').addOrderBy(`${alias}.id`, 'ASC');
    case '-updatedAt':
      return qb.orderBy(`${alias}.updated_at`, 'DESC').addOrderBy(`${alias}.id`, 'DESC');
    default:
      return qb.orderBy(`${alias}.created_at`, 'DESC').addOrderBy(`${alias}.id`, 'DESC');
  }
}
