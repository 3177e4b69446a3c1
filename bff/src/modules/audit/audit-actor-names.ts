import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { likeEscape } from '../../core/scope/data-scope';
import { MpUser } from '../mp-user/mp-user.entity';
import { StaffUser } from '../staff/staff-user.entity';
import type { AuditLog } from './audit-log.entity';

/** Most accounts a name search expands to (a prefix such as "张" must not build a huge IN list). */
const NAME_MATCH_LIMIT = 200;

/** Shown for a mini-program user who never set a nickname. */
export const MP_DEFAULT_NAME = '微信用户';

/**
 * Names of the people behind audit records, resolved when the log is read: the record holds the
 * actor's id (and a staff username), but the viewer shows staff by display name and mini-program
 * users by nickname instead of a UUID. Read-time on purpose: the chain's content stays as written.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AuditActorNames {
  @InjectEntityModel(StaffUser)
  private staff!: Repository<StaffUser>;

  @InjectEntityModel(MpUser)
  private mpUsers!: Repository<MpUser>;

  /** Display name per actor id of the given records (two queries whatever the page size). */
  async displayNames(rows: readonly Pick<AuditLog, 'actorKind' | 'actorId'>[]): Promise<Map<string, string>> {
    const idsOf = (kind: string) => [...new Set(rows.filter((r) => r.actorKind === kind && r.actorId).map((r) => r.actorId as string))];
    const staffIds = idsOf('staff');
    const mpIds = idsOf('mp');
    const [staff, mp] = await Promise.all([
      staffIds.length ? this.staff.find({ where: { id: In(staffIds) }, select: { id: true, displayName: true, username: true } }) : [],
      mpIds.length ? this.mpUsers.find({ where: { id: In(mpIds) }, select: { id: true, nickname: true } }) : [],
    ]);
    const names = new Map<string, string>();
    for (const u of staff) names.set(u.id, u.displayName?.trim() || u.username);
    for (const u of mp) names.set(u.id, u.nickname?.trim() || MP_DEFAULT_NAME);
    return names;
  }

  /** Ids of the staff whose display name, and the mini-program users whose nickname, start with `name`. */
  async idsNamed(name: string): Promise<string[]> {
    const prefix = `${likeEscape(name)}%`;
    const [staff, mp] = await Promise.all([
      this.staff
        .createQueryBuilder('s')
        .select('s.id', 'id')
        .where("s.display_name LIKE :prefix ESCAPE '!'", { prefix })
        .limit(NAME_MATCH_LIMIT)
        .getRawMany<{ id: string }>(),
      this.mpUsers
        .createQueryBuilder('m')
        .select('m.id', 'id')
        .where("m.nickname LIKE :prefix ESCAPE '!'", { prefix })
        .limit(NAME_MATCH_LIMIT)
        .getRawMany<{ id: string }>(),
    ]);
    return [...staff, ...mp].map((r) => r.id);
  }
}
