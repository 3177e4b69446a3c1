import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PartyOrgStatus, PartyOrgType } from '@zhili/shared';

/**
 * A party organisation (党委 / 党总支 / 党支部 / 党小组). `path` is the materialized chain of ids
 * (`/committee/branch/`): a staff member assigned to an organisation works on its subtree, found by
 * prefix like the region scope. Closed organisations stay, with their history.
 */
@Entity({ name: 'party_org' })
@Index('idx_party_org_path', ['path'])
@Index('idx_party_org_parent', ['parentId'])
@Index('idx_party_org_region', ['regionId'])
export class PartyOrg {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 255 })
  path!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: PartyOrgType;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: PartyOrgStatus;

  /** The region (village, community or town) the organisation serves; null for enterprises. */
  @Column({ name: 'region_id', type: 'varchar', length: 36, nullable: true })
  regionId!: string | null;

  @Column({ name: 'founded_on', type: 'varchar', length: 10 })
  foundedOn!: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  /** The current term (latest 换届), null until a committee is recorded. */
  @Column({ name: 'current_term_id', type: 'varchar', length: 36, nullable: true })
  currentTermId!: string | null;

  /** Start of the current term: the latest 换届, else the founding date (denormalized for "due"). */
  @Column({ name: 'term_started_on', type: 'varchar', length: 10 })
  termStartedOn!: string;

  @Column({ name: 'closed_on', type: 'varchar', length: 10, nullable: true })
  closedOn!: string | null;

  @Column({ name: 'merged_into_id', type: 'varchar', length: 36, nullable: true })
  mergedIntoId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
