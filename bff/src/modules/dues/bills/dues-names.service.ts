import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { paidOnTime, type DuesBillVO } from '@zhili/shared';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { MemberPeopleService, PartyMember, PartyOrg } from '../../party';
import { StaffUser } from '../../staff';
import type { DuesBill } from './dues-bill.entity';

const CHUNK = 500;

async function byIds<T extends { id: string }>(
  ds: DataSource,
  entity: new () => T,
  ids: Iterable<string>,
): Promise<Map<string, T>> {
  const list = [...new Set(ids)];
  const out = new Map<string, T>();
  for (let i = 0; i < list.length; i += CHUNK) {
    const rows = await ds.getRepository(entity).findBy({ id: In(list.slice(i, i + CHUNK)) } as never);
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/**
 * Names beside the ids a dues screen shows (member, organisation, the staff who recorded a payment):
 * member names are decrypted here, in one batch per screen.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesNamesService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private people!: MemberPeopleService;

  /**
   * A name search on members (`alias` the party_member alias): town residents by their registry name,
   * members living elsewhere by the keyed hash of their encrypted name — both exact.
   */
  nameCondition(alias: string, text: string): [string, Record<string, string>] {
    return [
      `(${alias}.person_id IN (SELECT np.id FROM person np WHERE np.name = :nameText) OR ${alias}.name_hash = :nameHash)`,
      { nameText: text, nameHash: this.cipher.hash(text) },
    ];
  }

  async memberNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const members = await byIds(this.dataSource, PartyMember, ids);
    return this.people.namesOf([...members.values()]);
  }

  async orgNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const orgs = await byIds(this.dataSource, PartyOrg, ids);
    return new Map([...orgs].map(([id, o]) => [id, o.name]));
  }

  async staffNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const staff = await byIds(this.dataSource, StaffUser, ids);
    return new Map([...staff].map(([id, s]) => [id, s.displayName]));
  }

  /** Bills as every dues screen shows them. */
  async billViews(bills: readonly DuesBill[]): Promise<DuesBillVO[]> {
    const [members, orgs, staff] = await Promise.all([
      this.memberNames(bills.map((b) => b.memberId)),
      this.orgNames(bills.map((b) => b.orgId)),
      this.staffNames(bills.flatMap((b) => (b.recordedBy ? [b.recordedBy] : []))),
    ]);
    return bills.map((b) =>
      toBillView(
        b,
        members.get(b.memberId) ?? '',
        orgs.get(b.orgId) ?? '',
        b.recordedBy ? (staff.get(b.recordedBy) ?? null) : null,
      ),
    );
  }
}

export function toBillView(
  b: DuesBill,
  memberName: string,
  orgName: string,
  recordedByName: string | null,
): DuesBillVO {
  return {
    id: b.id,
    memberId: b.memberId,
    memberName,
    orgId: b.orgId,
    orgName,
    kind: b.kind as DuesBillVO['kind'],
    month: b.month,
    title: b.title,
    amountFen: b.amountFen,
    status: b.status as DuesBillVO['status'],
    dueOn: b.dueOn,
    paidVia: (b.paidVia as DuesBillVO['paidVia']) ?? null,
    paidAt: b.paidAt,
    paidOnTime: b.status === 'paid' ? paidOnTime(b.paidAt, b.dueOn) : null,
    paidOrderNo: b.paidOrderNo,
    recordedByName,
    paidNote: b.paidNote,
    version: b.version,
    createdAt: new Date(b.createdAt).toISOString(),
  };
}
