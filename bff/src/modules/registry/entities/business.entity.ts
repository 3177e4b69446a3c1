import { Column, Entity, Index } from 'typeorm';
import type { BusinessStatus, BusinessType } from '@zhili/shared';
import { PiiColumn } from '../../../core/crypto/pii-field';
import type { PiiValue } from '../../../core/crypto/pii-value';
import { ScopedRecord, ScopeIndex } from './scoped-columns';

/** 经营单位 with its unified social credit code (validated with shared's GB 32100 check). */
@Entity({ name: 'business' })
@ScopeIndex('business')
export class Business extends ScopedRecord {
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Index('uq_business_credit_code', { unique: true })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ name: 'legal_representative', type: 'varchar', length: 32, nullable: true })
  legalRepresentative!: string | null;

  @PiiColumn('contact_phone')
  contactPhone!: PiiValue;

  @Column({ type: 'varchar', length: 128, nullable: true })
  address!: string | null;

  @Column({ name: 'business_type', type: 'varchar', length: 16 })
  type!: BusinessType;

  @Column({ type: 'varchar', length: 16 })
  status!: BusinessStatus;

  @Column({ type: 'double', nullable: true })
  lng!: number | null;

  @Column({ type: 'double', nullable: true })
  lat!: number | null;
}
