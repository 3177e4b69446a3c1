import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { AuditActorDirectories, tableActorDirectory } from '../../core/audit';
import { MpUser } from './mp-user.entity';

/** Shown for a mini-program user who never set a nickname. */
const MP_DEFAULT_NAME = '微信用户';

/** Mini-program users as audit actors: shown by nickname; they have no login name. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpUserAuditActors {
  @InjectEntityModel(MpUser)
  private mpUsers!: Repository<MpUser>;

  @Inject()
  private directories!: AuditActorDirectories;

  @Init()
  register(): void {
    this.directories.register(
      tableActorDirectory(this.mpUsers, {
        kind: 'mp',
        nameProperty: 'nickname',
        reads: ['nickname'],
        displayName: (u) => u.nickname?.trim() || MP_DEFAULT_NAME,
      }),
    );
  }
}
