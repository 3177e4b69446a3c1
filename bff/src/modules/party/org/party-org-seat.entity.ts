import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CommitteeRole } from '@zhili/shared';

/**
 * A seat on a term's committee: a member file or, for someone without one here, a registry person.
 * Names are read from those records, never copied (PII stays where it is kept).
 */
@Entity({ name: 'party_org_seat' })
@Index('idx_party_org_seat_term', ['termId'])
@Index('idx_party_org_seat_member', ['memberId'])
export class PartyOrgSeat {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'term_id', type: 'varchar', length: 36 })
  termId!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: CommitteeRole;

  @Column({ name: 'member_id', type: 'varchar', length: 36, nullable: true })
  memberId!: string | null;

  @Column({ name: 'person_id', type: 'varchar', length: 36, nullable: true })
  personId!: string | null;

  /** Position in the committee list (the order it was entered in). */
  @Column({ name: 'seat_order', type: 'integer' })
  seatOrder!: number;
}
