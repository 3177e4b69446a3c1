import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMs } from '../progress/epoch-ms';

/** A study reminder sent to a laggard (the 24-hour rule and "last reminded" read these). */
@Entity({ name: 'study_reminder' })
@Index('idx_study_reminder_member_sent', ['memberId', 'sentAt'])
export class StudyReminder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @Column({ name: 'sent_at', type: 'bigint', transformer: epochMs })
  sentAt!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
