import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { dispatchBlockReasons, dispatchCandidateLimit, maskPhone } from '@zhili/shared';
import type {
  DispatchCandidateGroupVO,
  DispatchCandidatesVO,
  DispatchCandidateVO,
  RegionLevelName,
  Role,
} from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { inScope, likeEscape, needsPrefixRange, prefixCondition, scopePrefix } from '../../../core/scope/data-scope';
import { MpUser } from '../../mp-user';
import { Region } from '../../region';
import { StaffContactService } from '../../staff-admin';
import { StaffUser } from '../../staff';
import { CaseAdminQueryService } from './case-query.service';

/** Staff roles that take cases, in the order the picker lists them (the hands-on worker first). */
const WORKER_ROLES: readonly Role[] = ['grid_worker', 'grid_leader', 'community_admin', 'village_admin', 'town_admin'];
const levelWord: Record<RegionLevelName, string> = {
  grid: '本网格',
  village: '本村',
  community: '本社区',
  town: '本镇',
};

/** A worker row before grouping: where they are bound and whether the caller may pick them. */
interface Found extends DispatchCandidateVO {
  path: string;
}

/** Rows whose `column` lies in the subtree `within`, or equals one of `exact` (bound to an ancestor). */
function insideOrAt<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  within: string,
  exact: string[],
): SelectQueryBuilder<T> {
  const [sql, params] = prefixCondition(column, within, 'within', needsPrefixRange(qb.connection));
  return qb.andWhere(
    new Brackets((b) => {
      b.where(sql, params);
      if (exact.length) b.orWhere(`${column} IN (:...exact)`, { exact });
    }),
  );
}

/** `roles` is a simple-json array (`["grid_worker"]`): a quoted-name LIKE reads it on both databases. */
function hasAnyRole<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  roles: readonly Role[],
): SelectQueryBuilder<T> {
  return qb.andWhere(
    new Brackets((b) => {
      roles.forEach((role, i) =>
        b.orWhere(`${column} LIKE :role${i} ESCAPE '!'`, { [`role${i}`]: `%"${likeEscape(role)}"%` }),
      );
    }),
  );
}

/**
 * Whom a case can be dispatched to, the way a town works: the workers of the case's grid first, then
 * the rest of its village (other grids, the village office), then the rest of the town. Everyone in
 * the caller's scope is listed; people bound to the case's own village or town office but outside
 * the caller's scope are listed too, greyed with the reason, so a grid leader sees why the village
 * secretary cannot be picked. Other villages' workers never appear to a village admin.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DispatchCandidatesService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private cases!: CaseAdminQueryService;

  @Inject()
  private contacts!: StaffContactService;

  @Inject()
  private cipher!: PiiCipher;

  async candidates(principal: Principal, caseId: string, query = ''): Promise<DispatchCandidatesVO> {
    const record = await this.cases.getInScope(principal, caseId);
    const q = query.trim();
    // The case's region and its ancestors, outermost first (materialized path: /town/village/grid/).
    const ids = record.scopePath.split('/').filter(Boolean);
    const regions = await this.dataSource.getRepository(Region).find({ where: { id: In(ids) } });
    const chain = ids.map((id) => regions.find((r) => r.id === id)).filter((r): r is Region => Boolean(r));
    if (!chain.length) return { groups: [], q, truncated: false };
    // Listed: the caller's scope within the case's town, plus people bound exactly to an ancestor.
    const prefix = scopePrefix(principal) ?? record.scopePath;
    const within = prefix.length > chain[0].path.length ? prefix : chain[0].path;
    const exact = chain.map((r) => r.path);
    const [staff, mp] = await Promise.all([this.staffRows(within, exact, q), this.mpRows(within, exact, q)]);
    const truncated = staff.length > dispatchCandidateLimit || mp.length > dispatchCandidateLimit;
    const found = await this.describe(
      principal,
      staff.slice(0, dispatchCandidateLimit),
      mp.slice(0, dispatchCandidateLimit),
    );
    return { groups: this.group(chain.reverse(), found), q, truncated };
  }

  private staffRows(within: string, exact: string[], q: string): Promise<StaffUser[]> {
    let qb = this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder('s')
      .select(['s.id', 's.displayName', 's.roles', 's.regionId', 's.scopePath', 's.status']);
    qb = hasAnyRole(insideOrAt(qb, 's.scope_path', within, exact), 's.roles', WORKER_ROLES);
    if (q) qb.andWhere(`s.display_name LIKE :q ESCAPE '!'`, { q: `%${likeEscape(q)}%` });
    return qb
      .orderBy('s.scope_path')
      .addOrderBy('s.id')
      .take(dispatchCandidateLimit + 1)
      .getMany();
  }

  private mpRows(within: string, exact: string[], q: string): Promise<MpUser[]> {
    let qb = this.dataSource.getRepository(MpUser).createQueryBuilder('u');
    qb = hasAnyRole(insideOrAt(qb, 'u.scope_path', within, exact), 'u.roles', ['grid_worker']);
    if (q) qb.andWhere(`u.nickname LIKE :q ESCAPE '!'`, { q: `%${likeEscape(q)}%` });
    return qb
      .orderBy('u.scope_path')
      .addOrderBy('u.id')
      .take(dispatchCandidateLimit + 1)
      .getMany();
  }

  /** Names, masked phones, bound regions and the reason a worker cannot be picked. */
  private async describe(principal: Principal, staff: StaffUser[], mp: MpUser[]): Promise<Found[]> {
    const regionIds = [...staff.map((s) => s.regionId), ...mp.map((u) => u.regionId)].filter((id): id is string =>
      Boolean(id),
    );
    const regions = new Map(
      (regionIds.length
        ? await this.dataSource.getRepository(Region).find({ where: { id: In([...new Set(regionIds)]) } })
        : []
      ).map((r) => [r.id, r]),
    );
    const phones = await this.contacts.maskedPhones(staff.map((s) => s.id));
    const found: Found[] = [];
    const reasonOf = (path: string, blocked: string | null): string | null =>
      !inScope(principal, path) ? dispatchBlockReasons.outOfScope : blocked;
    for (const s of staff) {
      const region = s.regionId ? regions.get(s.regionId) : undefined;
      if (!region || !s.scopePath) continue;
      const reason = reasonOf(s.scopePath, s.status !== 'active' ? dispatchBlockReasons.disabled : null);
      const role = WORKER_ROLES.find((r) => s.roles.includes(r)) as Role;
      found.push({
        id: s.id,
        kind: 'staff',
        name: s.displayName,
        role,
        phone: phones.get(s.id) ?? null,
        regionId: region.id,
        regionName: region.name,
        path: s.scopePath,
        selectable: !reason,
        reason,
      });
    }
    for (const u of mp) {
      if (!u.scopePath) continue;
      const region = u.regionId ? regions.get(u.regionId) : undefined;
      const reason = reasonOf(u.scopePath, region?.level === 'grid' ? null : dispatchBlockReasons.noGrid);
      const phone = this.cipher.open(u.phone);
      found.push({
        id: u.id,
        kind: 'mp',
        name: u.nickname,
        role: 'grid_worker',
        phone: phone ? maskPhone(phone) : null,
        regionId: region?.id ?? null,
        regionName: region?.name ?? null,
        path: u.scopePath,
        selectable: !reason,
        reason,
      });
    }
    return found;
  }

  /** Rings from the case's own region outwards; each holds whom the inner rings did not. */
  private group(innerFirst: Region[], found: Found[]): DispatchCandidateGroupVO[] {
    const order = (a: Found, b: Found): number =>
      Number(b.selectable) - Number(a.selectable) ||
      WORKER_ROLES.indexOf(a.role as Role) - WORKER_ROLES.indexOf(b.role as Role) ||
      a.name.localeCompare(b.name, 'zh-CN') ||
      a.id.localeCompare(b.id);
    const groups: DispatchCandidateGroupVO[] = [];
    let rest = found;
    innerFirst.forEach((region, i) => {
      const mine = rest.filter((f) => f.path.startsWith(region.path));
      rest = rest.filter((f) => !f.path.startsWith(region.path));
      if (!mine.length) return;
      const ring = i === 0 ? 'own' : i === innerFirst.length - 1 ? 'town' : 'parent';
      const candidates = mine.sort(order).map(({ path: _path, ...vo }) => vo);
      groups.push({
        ring,
        regionId: region.id,
        regionName: region.name,
        level: region.level,
        label: `${levelWord[region.level]} · ${region.name}`,
        candidates,
      });
    });
    return groups;
  }
}
