import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AnswerKey, Difficulty, QuestionType } from '@zhili/shared';

/** One option of a choice question as stored: its letter, text and whether it is right. */
export interface StoredOption {
  id: string;
  text: string;
  correct: boolean;
}

/**
 * A question of the bank (题库). It belongs to an organisation (`orgPath`, its party scope); a higher
 * organisation's questions are shared read-only with the branches below it. `answerKey` is what
 * grading uses; it never leaves the BFF before a member has answered. Deleted questions are kept
 * (`deletedAt`) so papers already drawn still show them.
 */
@Entity({ name: 'exam_question' })
@Index('idx_exam_question_org', ['orgPath'])
@Index('idx_exam_question_category', ['category'])
export class ExamQuestion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'varchar', length: 20 })
  category!: string;

  @Column({ type: 'varchar', length: 8 })
  difficulty!: Difficulty;

  @Column({ type: 'varchar', length: 12 })
  type!: QuestionType;

  @Column({ type: 'varchar', length: 500 })
  stem!: string;

  @Column({ type: 'simple-json' })
  options!: StoredOption[];

  @Column({ name: 'answer_key', type: 'simple-json' })
  answerKey!: AnswerKey;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  explanation!: string | null;

  @Column({ name: 'deleted_at', type: 'varchar', length: 24, nullable: true })
  deletedAt!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
