import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type { PartyContactVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import type { Page } from '../../../core/scope/scoped-repository';
import { MemberAccountService } from '../meetings/member-account.service';
import { MemberPeopleService } from '../members/member-people.service';
import { MemberViewsService } from '../members/member-views.service';
import { PartyMember } from '../members/party-member.entity';
import { OrgQueryService } from '../org/org-query.service';
import { applyPartyScope } from '../scope/party-scope';
import { PartyScopeService } from '../scope/party-scope.service';

interface PageQuery {
  page: number;
  pageSize: number;
}

/**
 * 电子通讯录: members on the rolls with their branch, position and phone — always masked (the
 * unmasked number stays behind the audited PII route of the member file). Staff see their party
 * scope; a member in the mini-program sees their own branch only.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ContactBookService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private people!: MemberPeopleService;

  @Inject()
  private views!: MemberViewsService;

  @Inject()
  private accounts!: MemberAccountService;

  private async toContacts(members: readonly PartyMember[]): Promise<PartyContactVO[]> {
    const [people, orgNames] = await Promise.all([
      this.people.describe(members),
      this.views.orgNames(members.map((m) => m.orgId)),
    ]);
    return members.map((m) => {
      const person = people.get(m.id);
      return {
        memberId: m.id,
        name: person?.name ?? '',
        orgId: m.orgId,
        orgName: orgNames.get(m.orgId) ?? '',
        position: m.position,
        phone: person?.phone ?? null,
      };
    });
  }

  /** Staff: the members of the caller's organisations (narrowed to `orgId` and its subtree). */
  async forStaff(principal: Principal, q: PageQuery & { orgId?: string }): Promise<Page<PartyContactVO>> {
    const scope = await this.scopes.scopeOf(principal);
    const within = q.orgId ? (await this.orgs.getInScope(scope, q.orgId)).path : undefined;
    const [items, total] = await applyPartyScope(
      this.dataSource.getRepository(PartyMember).createQueryBuilder('m'),
      scope,
      'm.org_path',
      within,
    )
      .andWhere('m.status = :active', { active: 'active' })
      .orderBy('m.orgPath', 'ASC')
      .addOrderBy('m.joinedOn', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.toContacts(items), total };
  }

  /** A member in the mini-program: the members of their own branch, themselves included. */
  async forMember(mpUserId: string, q: PageQuery): Promise<Page<PartyContactVO>> {
    const me = await this.accounts.memberOf(mpUserId);
    if (me.status !== 'active') throw new AppError('NOT_FOUND', '您的党员档案已不在册，无法查看通讯录');
    const [items, total] = await this.dataSource.getRepository(PartyMember).findAndCount({
      where: { orgId: me.orgId, status: 'active' },
      order: { joinedOn: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: await this.toContacts(items), total };
  }
}
