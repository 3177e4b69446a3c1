import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The managed list of problem types residents choose from, with SLA and responsible department. */
@Entity({ name: 'case_category' })
export class CaseCategory {
  /** Stable identifier (lowercase letters, digits, underscore), also the Open311 service_code. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  icon!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  department!: string | null;

  /** Resolution SLA in working hours (normal priority). */
  @Column({ name: 'sla_hours', type: 'integer' })
  slaHours!: number;

  /** Acceptance SLA in working hours. */
  @Column({ name: 'accept_hours', type: 'integer' })
  acceptHours!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  /** Published on Open311 with position and staff-reviewed text (see CaseCategoryVO.isPublic). */
  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
