import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../../core/errors/app-error';
import { MpUser } from '../../mp-user';
import { PartyMember } from '../members/party-member.entity';
import { PartyMemberAccount } from './party-member-account.entity';

/** The member file behind a mini-program caller (meetings, notices), and the WeChat account behind a member. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MemberAccountService {
  @InjectDataSource()
  private dataSource!: DataSource;

  /** NOT_FOUND when the account is not linked to a member file. */
  async memberOf(mpUserId: string): Promise<PartyMember> {
    const link = await this.dataSource.getRepository(PartyMemberAccount).findOneBy({ mpUserId });
    const member = link && (await this.dataSource.getRepository(PartyMember).findOneBy({ id: link.memberId }));
    if (!member) throw new AppError('NOT_FOUND', '您的账号尚未关联党员档案，请联系支部书记');
    return member;
  }

  /** The openid to send a member a subscribe message; null when their file has no mini-program account. */
  async openidOf(memberId: string): Promise<string | null> {
    const link = await this.dataSource.getRepository(PartyMemberAccount).findOneBy({ memberId });
    if (!link) return null;
    const user = await this.dataSource
      .getRepository(MpUser)
      .findOne({ where: { id: link.mpUserId }, select: { id: true, openid: true } });
    return user?.openid ?? null;
  }
}
