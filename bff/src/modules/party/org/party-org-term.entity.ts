import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One term (届) of an organisation's committee, from its 换届 (or founding) on. Append-only. */
@Entity({ name: 'party_org_term' })
@Index('idx_party_org_term_org', ['orgId', 'startedOn'])
export class PartyOrgTerm {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'started_on', type: 'varchar', length: 10 })
  startedOn!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
