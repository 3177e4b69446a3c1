import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { PartyPersonOptionVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { PersonQueryService } from '../../registry';
import { PartyAdmission } from '../admission/party-admission.entity';
import { OPEN_ADMISSION_STAGES } from '../admission/open-stages';
import { PartyMember } from './party-member.entity';

/** How many persons the picker offers. */
const LIMIT = 20;

/**
 * Registry persons for the party forms (new member file, applicant, committee seat): the registry's
 * own list query, so its region scope and masking apply unchanged — a village's secretary finds the
 * village's residents. Each carries the person's active member file or open admission, if any.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PersonLookupService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private persons!: PersonQueryService;

  async search(principal: Principal, q: string): Promise<PartyPersonOptionVO[]> {
    const { items } = await this.persons.list(principal, { page: 1, pageSize: LIMIT, q });
    if (items.length === 0) return [];
    const ids = items.map((p) => p.id);
    const [members, admissions] = await Promise.all([
      this.dataSource.getRepository(PartyMember).find({
        where: { personId: In(ids), status: 'active' },
        select: { id: true, personId: true },
      }),
      this.dataSource.getRepository(PartyAdmission).find({
        where: { personId: In(ids), stage: In([...OPEN_ADMISSION_STAGES]) },
        select: { id: true, personId: true },
      }),
    ]);
    const memberOf = new Map(members.map((m) => [m.personId, m.id]));
    const admissionOf = new Map(admissions.map((a) => [a.personId, a.id]));
    return items.map((p) => ({
      id: p.id,
      name: p.name,
      gender: p.gender,
      age: p.age,
      idNumber: p.idNumber,
      regionName: p.regionName,
      memberId: memberOf.get(p.id) ?? null,
      admissionId: admissionOf.get(p.id) ?? null,
    }));
  }
}
