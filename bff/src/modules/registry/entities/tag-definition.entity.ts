import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The managed list of person tags (独居老人 …); tags with an interval produce visits due. */
@Entity({ name: 'tag_definition' })
export class TagDefinition {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  name!: string;

  @Column({ name: 'visit_interval_days', type: 'integer', nullable: true })
  visitIntervalDays!: number | null;

  @Column({ type: 'varchar', length: 9 })
  color!: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  /** Built-in tags can be edited (interval, colour) and deactivated, not deleted. */
  @Column({ type: 'boolean', default: false })
  builtin!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
