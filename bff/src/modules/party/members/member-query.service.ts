import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import type { MemberCategory, PartyMemberDetailVO, PartyMemberVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { AppError } from '../../../core/errors/app-error';
import { needsPrefixRange, prefixCondition } from '../../../core/scope/data-scope';
import type { Page } from '../../../core/scope/scoped-repository';
import { Person } from '../../registry';
import { OrgQueryService } from '../org/org-query.service';
import { applyPartyScope, inPartyScope, type PartyScope } from '../scope/party-scope';
import { PartyScopeService } from '../scope/party-scope.service';
import { MemberViewsService } from './member-views.service';
import { PartyMember } from './party-member.entity';

export interface MemberListQuery {
  page: number;
  pageSize: number;
  orgId?: string;
  category?: MemberCategory;
  state?: 'active' | 'closed' | 'all';
  flowing?: boolean;
  q?: string;
}

/** Reads of member files, always through the caller's party scope (outside = not found). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MemberQueryService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private views!: MemberViewsService;

  @Inject()
  private cipher!: PiiCipher;

  /** A member file in the scope; NOT_FOUND otherwise. */
  async getInScope(scope: PartyScope, id: string): Promise<PartyMember> {
    const member = await this.dataSource.getRepository(PartyMember).findOneBy({ id });
    if (!member || !inPartyScope(scope, member.orgPath))
      throw new AppError('NOT_FOUND', '党员档案不存在或不在您的负责范围内');
    return member;
  }

  async list(principal: Principal, q: MemberListQuery): Promise<Page<PartyMemberVO>> {
    const scope = await this.scopes.scopeOf(principal);
    const within = q.orgId ? (await this.orgs.getInScope(scope, q.orgId)).path : undefined;
    const qb = applyPartyScope(
      this.dataSource.getRepository(PartyMember).createQueryBuilder('m'),
      scope,
      'm.org_path',
      within,
    );
    const state = q.state ?? 'active';
    if (state === 'active') qb.andWhere('m.status = :active', { active: 'active' });
    if (state === 'closed') qb.andWhere('m.status <> :active', { active: 'active' });
    if (q.category) qb.andWhere('m.category = :category', { category: q.category });
    if (q.flowing) qb.andWhere('m.flow_place IS NOT NULL');
    const text = q.q?.trim();
    if (text) {
      // Town residents by name prefix (registry names are plain); members living elsewhere by their
      // full name, through the keyed hash of the encrypted column.
      const [prefixSql, prefixParams] = prefixCondition('p.name', text, 'mq', needsPrefixRange(this.dataSource));
      qb.leftJoin(Person, 'p', 'p.id = m.person_id').andWhere(
        new Brackets((or) =>
          or.where(prefixSql, prefixParams).orWhere('m.name_hash = :nameHash', { nameHash: this.cipher.hash(text) }),
        ),
      );
    }
    const [items, total] = await qb
      .orderBy('m.joinedOn', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.views.toVOs(items), total };
  }

  async detail(principal: Principal, id: string): Promise<PartyMemberDetailVO> {
    const scope = await this.scopes.scopeOf(principal);
    return this.views.detail(await this.getInScope(scope, id));
  }
}
