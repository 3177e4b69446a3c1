import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AdmissionActKind, AdmissionStage } from '@zhili/shared';

/** One recorded step of the pipeline: what, on which day, who approved, why, with which papers. */
@Entity({ name: 'party_admission_step' })
@Index('idx_party_admission_step_admission', ['admissionId', 'happenedOn'])
export class PartyAdmissionStep {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'admission_id', type: 'varchar', length: 36 })
  admissionId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: AdmissionActKind;

  @Column({ name: 'happened_on', type: 'varchar', length: 10 })
  happenedOn!: string;

  @Column({ name: 'stage_after', type: 'varchar', length: 16 })
  stageAfter!: AdmissionStage;

  /** Vote counts, passed / approved, months (flat, for display). */
  @Column({ type: 'simple-json' })
  detail!: Record<string, string | number | boolean | null>;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  approver!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  /** Stored-file ids (photos of the talk record, the approval form…). */
  @Column({ name: 'attachment_ids', type: 'simple-json' })
  attachmentIds!: string[];

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'varchar', length: 64 })
  actorName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
