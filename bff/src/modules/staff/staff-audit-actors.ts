import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { AuditActorDirectories, tableActorDirectory } from '../../core/audit';
import { StaffUser } from './staff-user.entity';

/** Staff as audit actors: shown by display name (username when unset), recorded with their username. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffAuditActors {
  @InjectEntityModel(StaffUser)
  private staff!: Repository<StaffUser>;

  @Inject()
  private directories!: AuditActorDirectories;

  @Init()
  register(): void {
    this.directories.register(
      tableActorDirectory(this.staff, {
        kind: 'staff',
        nameProperty: 'displayName',
        reads: ['displayName', 'username'],
        displayName: (u) => u.displayName?.trim() || u.username,
        loginProperty: 'username',
      }),
    );
  }
}
