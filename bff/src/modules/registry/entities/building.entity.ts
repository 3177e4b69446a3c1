import { Column, Entity, Index } from 'typeorm';
import { ScopedRecord, ScopeIndex } from './scoped-columns';

/** 楼栋 of an estate; region = the grid it lies in. */
@Entity({ name: 'building' })
@ScopeIndex('building')
@Index('idx_building_estate', ['estateId'])
export class Building extends ScopedRecord {
  @Column({ name: 'estate_id', type: 'varchar', length: 36 })
  estateId!: string;

  /** e.g. 3号楼 */
  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'integer', nullable: true })
  floors!: number | null;

  @Column({ type: 'double', nullable: true })
  lng!: number | null;

  @Column({ type: 'double', nullable: true })
  lat!: number | null;
}
