import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Principal } from '../../core/auth/principal';
import { AuditActorDirectories } from '../../core/audit';

/** The name recorded with a history line: the staff member's display name as the audit viewer shows it. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyActors {
  @Inject()
  private directories!: AuditActorDirectories;

  async nameOf(actor: Principal): Promise<string> {
    const names = await this.directories.of(actor.kind)?.displayNames([actor.id]);
    return (names?.get(actor.id) ?? '').slice(0, 64);
  }
}
