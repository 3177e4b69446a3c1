import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import type { ClientInfo } from '../../core/auth/session.service';
import { StaffUser } from '../staff/staff-user.entity';
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

  @InjectEntityModel(StaffUser)
  private users!: Repository<StaffUser>;

  async nameOf(actor: Principal): Promise<string | null> {
    if (actor.kind !== 'staff') return null;
    const user = await this.users.findOne({ where: { id: actor.id }, select: { id: true, username: true } });
    return user?.username ?? null;
  }

  async record({ actor, client }: Acting, entry: Omit<AuditEntry, 'actor' | 'actorName' | 'client'>): Promise<void> {
    await this.audit.record({ ...entry, actor, actorName: await this.nameOf(actor), client });
  }
}
