import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MeetingType } from '@zhili/shared';

/**
 * A meeting of a branch (三会一课, 主题党日, 民主评议). Times are stored as ISO strings in UTC so both
 * databases sort and compare them the same way; `heldOn` is the Beijing day, for the compliance table.
 * `orgPath` is the branch's path at scheduling: the meeting's party scope.
 */
@Entity({ name: 'party_meeting' })
@Index('idx_party_meeting_org', ['orgPath', 'startsAt'])
export class PartyMeeting {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: MeetingType;

  @Column({ name: 'starts_at', type: 'varchar', length: 24 })
  startsAt!: string;

  @Column({ name: 'ends_at', type: 'varchar', length: 24 })
  endsAt!: string;

  @Column({ name: 'held_on', type: 'varchar', length: 10 })
  heldOn!: string;

  @Column({ type: 'varchar', length: 128 })
  place!: string;

  @Column({ type: 'double', nullable: true })
  lng!: number | null;

  @Column({ type: 'double', nullable: true })
  lat!: number | null;

  @Column({ name: 'radius_m', type: 'integer', nullable: true })
  radiusM!: number | null;

  @Column({ type: 'varchar', length: 32 })
  host!: string;

  @Column({ type: 'varchar', length: 128 })
  topic!: string;

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  /** Stored files attached to the meeting (null: none yet), in the order the portal saved them. */
  @Column({ name: 'photo_ids', type: 'simple-json', nullable: true })
  photoIds!: string[] | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
