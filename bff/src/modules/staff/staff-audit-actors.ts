import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditActorDirectories, AuditActorDirectory } from '../../core/audit';
import { StaffUser } from './staff-user.entity';

/** Staff as audit actors: shown by display name (username when unset), recorded with their username. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffAuditActors implements AuditActorDirectory {
  readonly kind = 'staff';

  @InjectEntityModel(StaffUser)
  private staff!: Repository<StaffUser>;

  @Inject()
  private directories!: AuditActorDirectories;

  @Init()
  register(): void {
    this.directories.register(this);
  }

  async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    const users = await this.staff.find({
      where: { id: In([...ids]) },
      select: { id: true, displayName: true, username: true },
    });
    return new Map(users.map((u) => [u.id, u.displayName?.trim() || u.username]));
  }

  async idsNamed(likePrefix: string, limit: number): Promise<string[]> {
    const rows = await this.staff
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where("s.display_name LIKE :prefix ESCAPE '!'", { prefix: likePrefix })
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async loginNameOf(id: string): Promise<string | null> {
    const user = await this.staff.findOne({ where: { id }, select: { id: true, username: true } });
    return user?.username ?? null;
  }
}
