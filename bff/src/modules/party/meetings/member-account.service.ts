import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../../core/errors/app-error';
import { PartyMember } from '../members/party-member.entity';
import { PartyMemberAccount } from './party-member-account.entity';

/** The member file behind a mini-program caller (meetings, notices). */
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
}
