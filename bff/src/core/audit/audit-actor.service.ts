import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Principal } from '../auth/principal';
import type { ClientInfo } from '../auth/session.service';
import { AuditActorDirectories } from './audit-actor-directory';
import { AuditEntry, AuditService } from './audit.service';

/** Who acts and from where. */
export interface Acting {
  actor: Principal;
  client: ClientInfo;
}

/**
 * Audit records of staff actions with the actor's username beside their id (a token carries only
 * the id), so the audit viewer can search by name and the record stays readable after renames.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AuditActorService {
  @Inject()
  private audit!: AuditService;

  @Inject()
  private directories!: AuditActorDirectories;

  async nameOf(actor: Principal): Promise<string | null> {
    const directory = this.directories.of(actor.kind);
    return directory?.loginNameOf ? directory.loginNameOf(actor.id) : null;
  }

  async record({ actor, client }: Acting, entry: Omit<AuditEntry, 'actor' | 'actorName' | 'client'>): Promise<void> {
    await this.audit.record({ ...entry, actor, actorName: await this.nameOf(actor), client });
  }
}
