import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In } from 'typeorm';
import { maskIdNumber, maskPhone } from '@zhili/shared';
import type { AuditAction, HouseDetailVO, HouseRelation } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { ScopedRepository } from '../../../core/scope/scoped-repository';
import { Acting, AuditActorService } from '../../../core/audit';
import { House, Person, PersonHouse } from '../entities';
import { HouseService } from './house.service';

export interface ResidentInput {
  personId: string;
  relation: HouseRelation;
  since?: string | null;
}

type Resident = HouseDetailVO['residents'][number];

/**
 * A house with its residents (人房关系). The relation carries the house's scope; ID numbers and
 * phones are decrypted only to be masked here, unmasked values come from the persons' `/pii` route.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HouseResidentsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private houses!: HouseService;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private audit!: AuditActorService;

  private get persons(): ScopedRepository<Person> {
    return new ScopedRepository(this.dataSource, Person, 'scopePath', 'p');
  }

  async detail(actor: Principal, id: string): Promise<HouseDetailVO> {
    return this.detailOf(await this.houses.getRecord(actor, id));
  }

  async detailOf(house: House): Promise<HouseDetailVO> {
    const [view] = await this.houses.views([house]);
    return { ...view, residents: await this.residents(house.id) };
  }

  /** Sets a person's relation to a house (a second call changes relation and date). Both must be in scope. */
  async add(acting: Acting, houseId: string, input: ResidentInput): Promise<HouseDetailVO> {
    const house = await this.houses.getRecord(acting.actor, houseId);
    const person = await this.persons.get(acting.actor, input.personId);
    const repo = this.dataSource.getRepository(PersonHouse);
    const existing = await repo.findOneBy({ houseId: house.id, personId: person.id });
    if (existing) {
      await repo.update(
        { id: existing.id },
        { relation: input.relation, since: input.since ?? null, scopePath: house.scopePath },
      );
    } else {
      try {
        await repo.insert({
          id: randomUUID(),
          houseId: house.id,
          personId: person.id,
          relation: input.relation,
          since: input.since ?? null,
          scopePath: house.scopePath,
        });
      } catch {
        // The unique (person, house) pair: another request added the same relation meanwhile.
        throw new AppError('CONFLICT', '该人员已登记在此房屋');
      }
    }
    await this.record(acting, 'house.resident.add', house.id, { personId: person.id, relation: input.relation });
    return this.detailOf(house);
  }

  async remove(acting: Acting, houseId: string, personId: string): Promise<void> {
    const house = await this.houses.getRecord(acting.actor, houseId);
    const result = await this.dataSource.getRepository(PersonHouse).delete({ houseId: house.id, personId });
    if (!result.affected) throw new AppError('NOT_FOUND', '该人员未登记在此房屋');
    await this.record(acting, 'house.resident.remove', house.id, { personId });
  }

  private async residents(houseId: string): Promise<Resident[]> {
    const links = await this.dataSource
      .getRepository(PersonHouse)
      .find({ where: { houseId }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (links.length === 0) return [];
    const persons = await this.dataSource.getRepository(Person).findBy({ id: In(links.map((l) => l.personId)) });
    const byId = new Map(persons.map((p) => [p.id, p]));
    return links.flatMap((l): Resident[] => {
      const p = byId.get(l.personId);
      if (!p) return [];
      const idNumber = this.cipher.open(p.idNumber);
      const phone = this.cipher.open(p.phone);
      return [
        {
          personId: p.id,
          name: p.name,
          relation: l.relation,
          since: l.since,
          idNumber: idNumber ? maskIdNumber(idNumber) : null,
          phone: phone ? maskPhone(phone) : null,
        },
      ];
    });
  }

  private async record(
    acting: Acting,
    action: AuditAction,
    id: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(acting, { action, resourceType: 'house', resourceId: id, result: 'success', detail });
  }
}
