import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Which mini-program account is a member's (one each way): how the mini-program's party routes know
 * the member behind a caller. Set by party staff on the member file.
 */
@Entity({ name: 'party_member_account' })
@Index('idx_party_member_account_user', ['mpUserId'], { unique: true })
export class PartyMemberAccount {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'mp_user_id', type: 'varchar', length: 36 })
  mpUserId!: string;
}
