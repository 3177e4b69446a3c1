import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PiiColumn } from '../../../core/crypto/pii-field';
import type { PiiValue } from '../../../core/crypto/pii-value';

/**
 * A member's dues base for one year (党费基数), declared each January by the member or the branch.
 * The income is personal financial data: encrypted at rest, shown only to the member and their
 * branch; `monthlyFen` is what `monthlyDuesFen` computed from it when it was declared.
 */
@Entity({ name: 'dues_declaration' })
@Index('uq_dues_declaration_member_year', ['memberId', 'year'], { unique: true })
@Index('idx_dues_declaration_org_path', ['orgPath'])
export class DuesDeclaration {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  /** The member's organisation when declared (scope of the branch's lists). */
  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'integer' })
  year!: number;

  /** `DuesKind` of @zhili/shared: employed, retired, farmer, student, unemployed, subsistence. */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  /** Monthly after-tax income or pension in fen (employed and retired only), as decimal text, encrypted. */
  @PiiColumn('income')
  income!: PiiValue;

  /** Farmers: the amount the branch set within ¥0.20–1.00. */
  @Column({ name: 'farmer_fen', type: 'integer', nullable: true })
  farmerFen!: number | null;

  /** The monthly dues the rule gave for this base, in fen. */
  @Column({ name: 'monthly_fen', type: 'integer' })
  monthlyFen!: number;

  /** `member` (declared in the mini-program) or `branch` (entered by the branch). */
  @Column({ name: 'declared_by_kind', type: 'varchar', length: 8 })
  declaredByKind!: string;

  /** Staff user or mini-program user who declared. */
  @Column({ name: 'declared_by', type: 'varchar', length: 36 })
  declaredBy!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
