import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@zhili/shared';
import type { Principal } from '../../core/auth/principal';
import { likeEscape } from '../../core/scope/data-scope';
import { Page, ScopedRepository } from '../../core/scope/scoped-repository';
import { RegionService } from '../region';
import { StaffUser } from '../staff';
import { Acting, StaffAdminAudit } from './staff-admin-audit';
import { StaffContactService } from './staff-contact.service';
import { toStaffUserVO } from './staff-user.view';
import type { StaffUserVO } from '@zhili/shared';

export interface UserQuery {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role | '';
  status?: 'active' | 'disabled' | '';
}

/** Scoped reads of staff accounts: the caller's region subtree only; anything else is "not found". */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffDirectoryService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private contacts!: StaffContactService;

  @Inject()
  private audit!: StaffAdminAudit;

  /** The only handle on staff accounts this module uses: scoped by `scope_path`. */
  get scoped(): ScopedRepository<StaffUser> {
    return new ScopedRepository(this.dataSource, StaffUser, 'scopePath', 'u');
  }

  async list(actor: Principal, query: UserQuery): Promise<Page<StaffUserVO>> {
    const page = await this.scoped.list(actor, query, (qb) => {
      if (query.q) {
        qb.andWhere("(u.username LIKE :q ESCAPE '!' OR u.display_name LIKE :q ESCAPE '!')", {
          q: `%${likeEscape(query.q)}%`,
        });
      }
      // Roles are a JSON array in one column; the quotes make the match exact ("village_admin").
      if (query.role) qb.andWhere("u.roles LIKE :role ESCAPE '!'", { role: `%${likeEscape(`"${query.role}"`)}%` });
      if (query.status) qb.andWhere('u.status = :status', { status: query.status });
      return qb.orderBy('u.created_at', 'DESC').addOrderBy('u.id', 'ASC');
    });
    return { items: await this.views(page.items), total: page.total };
  }

  async get(actor: Principal, id: string): Promise<StaffUserVO> {
    return this.view(await this.scoped.get(actor, id));
  }

  /** The unmasked phone of an account in scope; every such read is audited (`pii.read`). */
  async pii(acting: Acting, id: string): Promise<{ id: string; phone: string | null }> {
    const user = await this.scoped.get(acting.actor, id);
    const phone = await this.contacts.phone(user.id);
    await this.audit.record(acting, 'pii.read', user.id, 'success', { fields: ['phone'], present: phone !== null });
    return { id: user.id, phone };
  }

  async view(user: StaffUser): Promise<StaffUserVO> {
    return (await this.views([user]))[0];
  }

  async views(users: StaffUser[]): Promise<StaffUserVO[]> {
    const regionIds = users.map((u) => u.regionId).filter((id): id is string => Boolean(id));
    const [regions, phones] = await Promise.all([
      this.regions.findByIds(regionIds),
      this.contacts.maskedPhones(users.map((u) => u.id)),
    ]);
    const names = new Map(regions.map((r) => [r.id, r.name]));
    return users.map((u) =>
      toStaffUserVO(u, u.regionId ? (names.get(u.regionId) ?? null) : null, phones.get(u.id) ?? null),
    );
  }
}
