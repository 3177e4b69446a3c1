import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import {
  meetingCompliance,
  type MeetingComplianceRowVO,
  type MeetingDetailVO,
  type MeetingType,
  type MeetingVO,
} from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import type { Page } from '../../../core/scope/scoped-repository';
import { todayInShanghai } from '../../registry';
import { OrgQueryService } from '../org/org-query.service';
import { partyMeetingRequirements } from '../party.config';
import { applyPartyScope, inPartyScope, type PartyScope } from '../scope/party-scope';
import { PartyScopeService } from '../scope/party-scope.service';
import { MeetingViewsService } from './meeting-views.service';
import { PartyMeeting } from './party-meeting.entity';
import { Config } from '@midwayjs/core';
import type { PartyEnv } from '../party.config';

/** Reads of meetings, always through the caller's party scope (outside = not found). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MeetingQueryService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private views!: MeetingViewsService;

  @Config('zhili.modules.party')
  private env!: Pick<PartyEnv, 'PARTY_MEETING_REQUIREMENTS'>;

  async getInScope(scope: PartyScope, id: string): Promise<PartyMeeting> {
    const meeting = await this.dataSource.getRepository(PartyMeeting).findOneBy({ id });
    if (!meeting || !inPartyScope(scope, meeting.orgPath))
      throw new AppError('NOT_FOUND', '会议不存在或不在您的负责范围内');
    return meeting;
  }

  async list(
    principal: Principal,
    q: { page: number; pageSize: number; orgId?: string; type?: MeetingType; month?: string },
  ): Promise<Page<MeetingVO>> {
    const scope = await this.scopes.scopeOf(principal);
    const within = q.orgId ? (await this.orgs.getInScope(scope, q.orgId)).path : undefined;
    const qb = applyPartyScope(
      this.dataSource.getRepository(PartyMeeting).createQueryBuilder('m'),
      scope,
      'm.org_path',
      within,
    );
    if (q.type) qb.andWhere('m.type = :type', { type: q.type });
    // The Beijing day of the meeting (`held_on`) decides its month, as in the compliance table.
    if (q.month)
      qb.andWhere('m.held_on >= :first AND m.held_on <= :last', { first: `${q.month}-01`, last: `${q.month}-31` });
    const [items, total] = await qb
      .orderBy('m.startsAt', 'DESC')
      .addOrderBy('m.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.views.toVOs(items), total };
  }

  async detail(principal: Principal, id: string): Promise<MeetingDetailVO> {
    const scope = await this.scopes.scopeOf(principal);
    return this.views.detail(await this.getInScope(scope, id));
  }

  /** The branch's 三会一课 from 1 January (or its founding) to today, period by period (shared `meetingCompliance`). */
  async compliance(principal: Principal, orgId: string, now: Date = new Date()): Promise<MeetingComplianceRowVO[]> {
    const scope = await this.scopes.scopeOf(principal);
    const org = await this.orgs.getInScope(scope, orgId);
    const today = todayInShanghai(now);
    // A branch founded this year owes nothing for the months before it existed.
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const from = org.foundedOn > yearStart ? org.foundedOn : yearStart;
    const held = await this.dataSource
      .getRepository(PartyMeeting)
      .createQueryBuilder('m')
      .where('m.org_id = :orgId', { orgId: org.id })
      .andWhere('m.held_on >= :from AND m.held_on <= :today', { from, today })
      .getMany();
    return meetingCompliance(
      partyMeetingRequirements(this.env),
      held.map((m) => ({ type: m.type, on: m.heldOn })),
      from,
      today,
    );
  }
}
