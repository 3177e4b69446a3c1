import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A question in a member's wrong-answer book (错题本): put there by a wrong answer in practice or an
 * exam, taken out after `wrongBookClearAfter` right answers in a row in practice.
 */
@Entity({ name: 'exam_wrong_answer' })
@Index('uq_exam_wrong_answer', ['memberId', 'questionId'], { unique: true })
export class ExamWrongAnswer {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'question_id', type: 'varchar', length: 36 })
  questionId!: string;

  @Column({ name: 'wrong_count', type: 'integer' })
  wrongCount!: number;

  @Column({ name: 'right_streak', type: 'integer' })
  rightStreak!: number;

  @Column({ name: 'last_wrong_at', type: 'varchar', length: 24 })
  lastWrongAt!: string;
}
