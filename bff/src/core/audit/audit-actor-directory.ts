import { Provide, Scope, ScopeEnum } from '@midwayjs/core';

/**
 * Names of one kind of actor (`AuditLog.actorKind`), provided by the module that owns those accounts.
 * Audit is core and core never imports feature modules, so staff and mini-program users register here
 * instead of the audit viewer reading their tables.
 */
export interface AuditActorDirectory {
  /** The `actorKind` this directory names ('staff', 'mp'). */
  readonly kind: string;
  /** Display name per id; ids the directory does not know are left out. */
  displayNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** Ids whose display name matches `likePrefix` (a LIKE pattern escaped with '!'), at most `limit`. */
  idsNamed(likePrefix: string, limit: number): Promise<string[]>;
  /** Login name stored beside the id in new records, for kinds that have one. */
  loginNameOf?(id: string): Promise<string | null>;
}

/** The directories registered by the modules at start (see each module's manifest `startup`). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AuditActorDirectories {
  private readonly byKind = new Map<string, AuditActorDirectory>();

  register(directory: AuditActorDirectory): void {
    this.byKind.set(directory.kind, directory);
  }

  of(kind: string): AuditActorDirectory | undefined {
    return this.byKind.get(kind);
  }

  all(): AuditActorDirectory[] {
    return [...this.byKind.values()];
  }
}
