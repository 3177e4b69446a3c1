import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { HouseRelation } from '@zhili/shared';

/** 人房关系: a person is owner, tenant or resident of a house. Scope = the house's. */
@Entity({ name: 'person_house' })
@Index('idx_person_house_person', ['personId'])
@Index('idx_person_house_house', ['houseId'])
@Index('uq_person_house_pair', ['personId', 'houseId'], { unique: true })
@Index('idx_person_house_scope_path', ['scopePath'])
export class PersonHouse {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'person_id', type: 'varchar', length: 36 })
  personId!: string;

  @Column({ name: 'house_id', type: 'varchar', length: 36 })
  houseId!: string;

  @Column({ type: 'varchar', length: 16 })
  relation!: HouseRelation;

  /** YYYY-MM-DD, e.g. the start of a lease. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  since!: string | null;

  @Column({ name: 'scope_path', type: 'varchar', length: 255 })
  scopePath!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
