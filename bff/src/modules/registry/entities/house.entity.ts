import { Column, Entity, Index } from 'typeorm';
import type { HouseUse } from '@zhili/shared';
import { ScopedRecord, ScopeIndex } from './scoped-columns';

/**
 * 房屋: a flat in an estate (estate/building/unit set) or a rural house (only the region and address).
 * `use` = 自住/出租/空置/商用; rented houses are the 出租房 list.
 */
@Entity({ name: 'house' })
@ScopeIndex('house')
@Index('idx_house_building', ['buildingId'])
@Index('idx_house_unit', ['unitId'])
@Index('idx_house_estate', ['estateId'])
export class House extends ScopedRecord {
  @Column({ name: 'estate_id', type: 'varchar', length: 36, nullable: true })
  estateId!: string | null;

  @Column({ name: 'building_id', type: 'varchar', length: 36, nullable: true })
  buildingId!: string | null;

  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId!: string | null;

  /** Full display address, e.g. 阳光小区3号楼1单元302 or 幸福村12号. */
  @Column({ type: 'varchar', length: 128 })
  address!: string;

  /** e.g. 302 */
  @Column({ name: 'room_no', type: 'varchar', length: 16, nullable: true })
  roomNo!: string | null;

  @Column({ name: 'house_use', type: 'varchar', length: 16 })
  use!: HouseUse;

  @Column({ name: 'area_m2', type: 'double', nullable: true })
  areaM2!: number | null;

  @Column({ type: 'double', nullable: true })
  lng!: number | null;

  @Column({ type: 'double', nullable: true })
  lat!: number | null;
}
