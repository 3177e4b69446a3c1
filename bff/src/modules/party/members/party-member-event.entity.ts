import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MemberEventKind } from '@zhili/shared';

/** A dated line of a member's history (建档, 转接, 流动, 转正, 出党…). Append-only. */
@Entity({ name: 'party_member_event' })
@Index('idx_party_member_event_member', ['memberId', 'happenedOn'])
@Index('idx_party_member_event_org', ['orgId', 'happenedOn'])
export class PartyMemberEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: MemberEventKind;

  @Column({ name: 'happened_on', type: 'varchar', length: 10 })
  happenedOn!: string;

  /** The organisation at the time (the one left, for a move). */
  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  /** The organisation moved to (transfers within the town, merges). */
  @Column({ name: 'to_org_id', type: 'varchar', length: 36, nullable: true })
  toOrgId!: string | null;

  /** Letter number, destination, place, reason… flat, for display. */
  @Column({ type: 'simple-json' })
  detail!: Record<string, string | number | boolean | null>;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'varchar', length: 64 })
  actorName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
