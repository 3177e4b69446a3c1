import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PartyOrgEventKind } from '@zhili/shared';

/** A dated line of an organisation's lifecycle (成立, 换届, 合并, 撤销…). Append-only. */
@Entity({ name: 'party_org_event' })
@Index('idx_party_org_event_org', ['orgId', 'happenedOn'])
export class PartyOrgEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: PartyOrgEventKind;

  /** The day it happened (YYYY-MM-DD), as decided, not as typed in. */
  @Column({ name: 'happened_on', type: 'varchar', length: 10 })
  happenedOn!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  /** The other organisation of a merge. */
  @Column({ name: 'related_org_id', type: 'varchar', length: 36, nullable: true })
  relatedOrgId!: string | null;

  /** Flat facts for display (changed fields, members moved, term id). */
  @Column({ type: 'simple-json' })
  detail!: Record<string, string | number | boolean | null>;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'varchar', length: 64 })
  actorName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
