import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A member's credited study time on one Beijing calendar day (all lessons), from `studyMsByDay`. */
@Entity({ name: 'study_day_total' })
@Index('idx_study_day_total_day', ['day'])
export class StudyDayTotal {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  /** YYYY-MM-DD, Beijing. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: 'integer', default: 0 })
  ms!: number;
}
