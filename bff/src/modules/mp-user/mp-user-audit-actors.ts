import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditActorDirectories, AuditActorDirectory } from '../../core/audit';
import { MpUser } from './mp-user.entity';

/** Shown for a mini-program user who never set a nickname. */
const MP_DEFAULT_NAME = '微信用户';

/** Mini-program users as audit actors: shown by nickname; they have no login name. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpUserAuditActors implements AuditActorDirectory {
  readonly kind = 'mp';

  @InjectEntityModel(MpUser)
  private mpUsers!: Repository<MpUser>;

  @Inject()
  private directories!: AuditActorDirectories;

  @Init()
  register(): void {
    this.directories.register(this);
  }

  async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    const users = await this.mpUsers.find({ where: { id: In([...ids]) }, select: { id: true, nickname: true } });
    return new Map(users.map((u) => [u.id, u.nickname?.trim() || MP_DEFAULT_NAME]));
  }

  async idsNamed(likePrefix: string, limit: number): Promise<string[]> {
    const rows = await this.mpUsers
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .where("m.nickname LIKE :prefix ESCAPE '!'", { prefix: likePrefix })
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
