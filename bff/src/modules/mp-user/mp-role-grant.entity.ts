import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { BindingRole } from '@zhili/shared';

/**
 * A role a mini-program user was granted, in the region it was granted for (one row per user and
 * role). The region belongs to the grant, not to the user: redeeming a party member code never
 * moves the grid of the same person's grid worker grant. Only grants whose rule gives registry scope
 * (`bindingRoleRules[role].registryScope`: the grid worker's grid) are mirrored onto
 * `mp_user.region_id/scope_path`, which the registry, case routing and the grid desk read.
 */
@Entity({ name: 'mp_role_grant' })
@Index('idx_mp_role_grant_scope_path', ['scopePath'])
export class MpRoleGrant {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  role!: BindingRole;

  @Column({ name: 'region_id', type: 'varchar', length: 36 })
  regionId!: string;

  /** Path of the region when granted: staff of that subtree see the user (residents admin). */
  @Column({ name: 'scope_path', type: 'varchar', length: 255 })
  scopePath!: string;

  /** The binding code that made the grant; null for grants carried over from before grants existed. */
  @Column({ name: 'binding_code_id', type: 'varchar', length: 36, nullable: true })
  bindingCodeId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
