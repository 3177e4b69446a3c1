import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AnswerKey, ExamResponse } from '@zhili/shared';

/** A question of an attempt's paper as graded: the key and points fixed when the attempt started. */
export interface PaperEntry {
  id: string;
  points: number;
  key: AnswerKey;
}

/**
 * One member's attempt at an exam. The server holds the clock (`startedAt`, `deadline`) and the
 * paper with its keys (`paper`, in the attempt's shuffled order; option order comes from `seed`).
 * `endedBy` is set once: `submitted` by the member in time, `expired` when the time ran out and the
 * saved responses were graded. `orgPath` is the member's organisation then (results' party scope).
 */
@Entity({ name: 'exam_attempt' })
@Index('idx_exam_attempt_exam', ['examId', 'memberId'])
@Index('idx_exam_attempt_member', ['memberId'])
@Index('uq_exam_attempt_no', ['examId', 'memberId', 'attemptNo'], { unique: true })
export class ExamAttempt {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'exam_id', type: 'varchar', length: 36 })
  examId!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ name: 'attempt_no', type: 'integer' })
  attemptNo!: number;

  @Column({ type: 'varchar', length: 36 })
  seed!: string;

  @Column({ type: 'simple-json' })
  paper!: PaperEntry[];

  @Column({ type: 'simple-json' })
  responses!: Record<string, ExamResponse | null>;

  @Column({ name: 'started_at', type: 'varchar', length: 24 })
  startedAt!: string;

  @Column({ type: 'varchar', length: 24 })
  deadline!: string;

  @Column({ name: 'ended_at', type: 'varchar', length: 24, nullable: true })
  endedAt!: string | null;

  @Column({ name: 'ended_by', type: 'varchar', length: 12, nullable: true })
  endedBy!: 'submitted' | 'expired' | null;

  @Column({ type: 'integer', nullable: true })
  score!: number | null;

  @Column({ name: 'max_score', type: 'integer' })
  maxScore!: number;

  @Column({ type: 'boolean', default: false })
  passed!: boolean;

  /** Per question after grading: score and whether fully right, by question id. */
  @Column({ type: 'simple-json', nullable: true })
  graded!: Record<string, { score: number; correct: boolean }> | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
