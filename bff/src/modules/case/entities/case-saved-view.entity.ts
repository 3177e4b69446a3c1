import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A staff member's named inbox filter. */
@Entity({ name: 'case_saved_view' })
@Index('idx_case_saved_view_staff', ['staffId'])
export class CaseSavedView {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'staff_id', type: 'varchar', length: 36 })
  staffId!: string;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'simple-json' })
  filters!: Record<string, string | string[]>;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
