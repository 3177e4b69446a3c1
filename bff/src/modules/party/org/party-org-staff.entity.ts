import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A staff member's party work: they act on this organisation and its subtree (party:org/member/
 * admission permissions). The town committee's people are assigned to the committee itself.
 */
@Entity({ name: 'party_org_staff' })
@Index('idx_party_org_staff_user', ['staffUserId'])
export class PartyOrgStaff {
  @PrimaryColumn({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @PrimaryColumn({ name: 'staff_user_id', type: 'varchar', length: 36 })
  staffUserId!: string;

  @Column({ name: 'assigned_by', type: 'varchar', length: 36 })
  assignedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
