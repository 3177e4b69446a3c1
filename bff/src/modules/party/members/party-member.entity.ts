import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Education, Gender, MemberCategory, MemberStatus } from '@zhili/shared';
import { PiiColumn } from '../../../core/crypto/pii-field';
import type { PiiValue } from '../../../core/crypto/pii-value';

/**
 * A member file (党员档案). A member living in the town points at the registry person (`personId`):
 * name, ID number and phone stay in the registry. A member living elsewhere has their own name and
 * phone, encrypted like the registry's (SM4 + HMAC-SM3, keyed hash for exact search). `orgPath` is
 * the organisation's path, the file's party scope.
 */
@Entity({ name: 'party_member' })
@Index('idx_party_member_org_path', ['orgPath', 'status'])
@Index('idx_party_member_person', ['personId'])
export class PartyMember {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'person_id', type: 'varchar', length: 36, nullable: true })
  personId!: string | null;

  /** Standalone members only (cipher empty when linked). */
  @PiiColumn('name', { hashIndex: 'idx_party_member_name_hash' })
  name!: PiiValue;

  @PiiColumn('phone', { hashIndex: 'idx_party_member_phone_hash' })
  phone!: PiiValue;

  /** Standalone members only; linked members' come from the registry. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  gender!: Gender | null;

  @Column({ name: 'birth_date', type: 'varchar', length: 10, nullable: true })
  birthDate!: string | null;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'varchar', length: 16 })
  category!: MemberCategory;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: MemberStatus;

  @Column({ name: 'joined_on', type: 'varchar', length: 10 })
  joinedOn!: string;

  @Column({ name: 'converted_on', type: 'varchar', length: 10, nullable: true })
  convertedOn!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  position!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  education!: Education | null;

  @Column({ name: 'work_unit', type: 'varchar', length: 128, nullable: true })
  workUnit!: string | null;

  /** 流动党员: where, since when, the contact branch there (all null at home). */
  @Column({ name: 'flow_place', type: 'varchar', length: 128, nullable: true })
  flowPlace!: string | null;

  @Column({ name: 'flow_since', type: 'varchar', length: 10, nullable: true })
  flowSince!: string | null;

  @Column({ name: 'flow_contact_org', type: 'varchar', length: 128, nullable: true })
  flowContactOrg!: string | null;

  /** The admission record that made this file (null for files recorded or transferred in). */
  @Column({ name: 'admission_id', type: 'varchar', length: 36, nullable: true })
  admissionId!: string | null;

  /** The date of the latest event: new acts may not be dated before it. */
  @Column({ name: 'last_event_on', type: 'varchar', length: 10, nullable: true })
  lastEventOn!: string | null;

  /** Bumped by every change; a change checks it (two staff acting at once: one gets 409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
