import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from './epoch-ms';

/** Per member: which lesson currently counts and up to when the member was credited (shared `StudySession`). */
@Entity({ name: 'study_session' })
export class StudySession {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'lesson_id', type: 'varchar', length: 36, nullable: true })
  lessonId!: string | null;

  @Column({ name: 'last_at', type: 'bigint', nullable: true, transformer: epochMs })
  lastAt!: number | null;

  @Column({ name: 'credited_until', type: 'bigint', nullable: true, transformer: epochMs })
  creditedUntil!: number | null;
}
