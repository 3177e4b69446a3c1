import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A read receipt: the member opened the notice (first time only). */
@Entity({ name: 'party_notice_read' })
@Index('idx_party_notice_read_member', ['memberId'])
export class PartyNoticeRead {
  @PrimaryColumn({ name: 'notice_id', type: 'varchar', length: 36 })
  noticeId!: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'read_at', type: 'varchar', length: 24 })
  readAt!: string;
}
