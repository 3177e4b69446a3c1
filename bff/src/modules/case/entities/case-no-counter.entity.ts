import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last case number handed out per day (Asia/Shanghai). Incrementing this row inside the intake
 * transaction locks it until commit, so concurrent intakes on MySQL take numbers one after another
 * instead of reading the same MAX() and colliding on the unique index.
 */
@Entity({ name: 'case_no_counter' })
export class CaseNoCounter {
  /** yyyyMMdd. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  day!: string;

  @Column({ type: 'integer' })
  seq!: number;
}
