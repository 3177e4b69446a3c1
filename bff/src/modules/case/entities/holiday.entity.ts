import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The holiday calendar for SLA working time: weekdays off (`holiday`) and weekend days worked
 * (`workday`, 调休). Days not listed follow the week: Monday–Friday work, weekends off.
 */
@Entity({ name: 'holiday' })
export class Holiday {
  /** YYYY-MM-DD in Asia/Shanghai. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: 'holiday' | 'workday';

  @Column({ type: 'varchar', length: 32 })
  name!: string;
}
