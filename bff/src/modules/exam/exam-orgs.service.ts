import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import { AppError } from '../../core/errors/app-error';
import { inPartyScope, PartyMember, PartyOrg, PartyScopeService, MemberPeopleService, type PartyScope } from '../party';

/** Organisations and member names as the exam module needs them, through the party module's index. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ExamOrgsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private people!: MemberPeopleService;

  scopeOf(principal: Principal): Promise<PartyScope> {
    return this.scopes.scopeOf(principal);
  }

  /** An organisation the caller manages, for a form's `field` (400 naming it otherwise). */
  async managedOrg(scope: PartyScope, orgId: string, field = 'orgId'): Promise<PartyOrg> {
    const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: orgId });
    if (!org || !inPartyScope(scope, org.path))
      throw new AppError('VALIDATION_FAILED', undefined, [{ field, message: '党组织不存在或不在您的负责范围内' }]);
    return org;
  }

  async orgNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const orgs = await this.dataSource.getRepository(PartyOrg).findBy({ id: In(unique) });
    return new Map(orgs.map((o) => [o.id, o.name]));
  }

  async orgNamesByPath(paths: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(paths)];
    if (unique.length === 0) return new Map();
    const orgs = await this.dataSource.getRepository(PartyOrg).findBy({ path: In(unique) });
    return new Map(orgs.map((o) => [o.path, o.name]));
  }

  async memberNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const members = await this.dataSource.getRepository(PartyMember).findBy({ id: In(unique) });
    return this.people.namesOf(members);
  }
}
