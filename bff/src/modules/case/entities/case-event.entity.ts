import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseEventType, CaseStatus } from '@zhili/shared';

/** One line of a case's timeline. Append-only; `seq` counts from 1 per case. */
@Entity({ name: 'case_event' })
@Index('uq_case_event_seq', ['caseId', 'seq'], { unique: true })
export class CaseEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 16 })
  type!: CaseEventType;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus!: CaseStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true })
  toStatus!: CaseStatus | null;

  @Column({ name: 'actor_kind', type: 'varchar', length: 8 })
  actorKind!: 'mp' | 'staff' | 'system' | 'external';

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 64 })
  actorName!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  /** Stored-file ids attached to this event (after-photos on resolve, progress photos on notes). */
  @Column({ name: 'photo_ids', type: 'simple-json' })
  photoIds!: string[];

  /** Action details (reason, assignee, target region, level, rating, outcome…), flat JSON. */
  @Column({ type: 'simple-json' })
  data!: Record<string, string | number | boolean | null>;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
