import { Column, Entity, Index } from 'typeorm';
import type { HouseholdType } from '@zhili/shared';
import { ScopedRecord, ScopeIndex } from './scoped-columns';

/** 户: 常住户 / 流动户 / 空壳户 with a head, members (person.household_id) and house. */
@Entity({ name: 'household' })
@ScopeIndex('household')
@Index('idx_household_type', ['type'])
export class Household extends ScopedRecord {
  /** 户编号, unique within the installation when given. */
  @Index('uq_household_code', { unique: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  code!: string | null;

  @Column({ name: 'household_type', type: 'varchar', length: 16 })
  type!: HouseholdType;

  @Column({ name: 'head_person_id', type: 'varchar', length: 36, nullable: true })
  headPersonId!: string | null;

  @Column({ name: 'house_id', type: 'varchar', length: 36, nullable: true })
  houseId!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  address!: string | null;

  /** 承包地 / 种养殖 notes. */
  @Column({ name: 'land_note', type: 'varchar', length: 500, nullable: true })
  landNote!: string | null;
}
