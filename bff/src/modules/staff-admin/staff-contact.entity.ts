import { CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PiiColumn } from '../../core/crypto/pii-field';
import type { PiiValue } from '../../core/crypto/pii-value';

/**
 * Contact data of a staff account, kept beside `staff_user` (one row per account, created when a
 * phone is first set) so the login tables stay free of personal data. The phone is encrypted at
 * rest and only ever answered masked, except through the audited `…/pii` route.
 */
@Entity({ name: 'staff_contact' })
export class StaffContact {
  @PrimaryColumn({ name: 'staff_id', type: 'varchar', length: 36 })
  staffId!: string;

  @PiiColumn('phone', { hashIndex: 'idx_staff_contact_phone_hash' })
  phone!: PiiValue;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
