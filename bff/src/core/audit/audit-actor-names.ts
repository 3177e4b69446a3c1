import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { likeEscape } from '../scope/data-scope';
import { AuditActorDirectories } from './audit-actor-directory';
import type { AuditLog } from './audit-log.entity';

/** Most accounts a name search expands to (a prefix such as "张" must not build a huge IN list). */
const NAME_MATCH_LIMIT = 200;

/**
 * Names of the people behind audit records, resolved when the log is read: the record holds the
 * actor's id (and a staff username), but the viewer shows staff by display name and mini-program
 * users by nickname instead of a UUID. Read-time on purpose: the chain's content stays as written.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AuditActorNames {
  @Inject()
  private directories!: AuditActorDirectories;

  /** Display name per actor id of the given records (one query per actor kind whatever the page size). */
  async displayNames(rows: readonly Pick<AuditLog, 'actorKind' | 'actorId'>[]): Promise<Map<string, string>> {
    const idsOf = (kind: string) => [
      ...new Set(rows.filter((r) => r.actorKind === kind && r.actorId).map((r) => r.actorId as string)),
    ];
    const found = await Promise.all(
      this.directories.all().map((d) => {
        const ids = idsOf(d.kind);
        return ids.length ? d.displayNames(ids) : Promise.resolve(new Map<string, string>());
      }),
    );
    return new Map(found.flatMap((m) => [...m]));
  }

  /** Ids of the actors (staff by display name, mini-program users by nickname) whose name starts with `name`. */
  async idsNamed(name: string): Promise<string[]> {
    const prefix = `${likeEscape(name)}%`;
    const found = await Promise.all(this.directories.all().map((d) => d.idsNamed(prefix, NAME_MATCH_LIMIT)));
    return found.flat();
  }
}
