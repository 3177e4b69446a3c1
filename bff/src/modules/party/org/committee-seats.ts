import { In, type EntityManager } from 'typeorm';
import { randomUUID } from 'crypto';
import { committeeProblem } from '@zhili/shared';
import type { CommitteeSeatInput, PartyOrgType } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { applyScope } from '../../../core/scope/data-scope';
import { Person } from '../../registry';
import { PartyMember } from '../members/party-member.entity';
import { invalid } from '../party-errors';
import { inPartyScope, type PartyScope } from '../scope/party-scope';
import { PartyOrgSeat } from './party-org-seat.entity';

/**
 * Checks a committee before it is recorded: roles the organisation's type has, one person per seat
 * holder, members that are active and within the caller's party scope, persons within the caller's
 * region scope (the registry's own rule). Answers the seat rows for `termId`.
 */
export async function checkedSeats(
  m: EntityManager,
  who: { principal: Principal; scope: PartyScope },
  org: { id: string; type: PartyOrgType },
  termId: string,
  seats: readonly CommitteeSeatInput[],
): Promise<PartyOrgSeat[]> {
  const problem = committeeProblem(
    org.type,
    seats.map((s) => s.role),
  );
  if (problem) throw invalid('committee', problem);
  const holders = seats.map((s) => s.memberId ?? `p:${s.personId}`);
  if (new Set(holders).size !== holders.length) throw invalid('committee', '同一人不能在班子中重复录入');

  const memberIds = seats.flatMap((s) => (s.memberId ? [s.memberId] : []));
  if (memberIds.length) {
    const members = await m.getRepository(PartyMember).findBy({ id: In(memberIds), status: 'active' });
    const usable = new Set(members.filter((x) => inPartyScope(who.scope, x.orgPath)).map((x) => x.id));
    if (memberIds.some((id) => !usable.has(id)))
      throw invalid('committee', '所选党员不存在、已不在册或不在您的负责范围内');
  }
  const personIds = seats.flatMap((s) => (s.personId ? [s.personId] : []));
  if (personIds.length) {
    const qb = m
      .getRepository(Person)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .where({ id: In(personIds) });
    const found = new Set(
      (await applyScope(qb, who.principal, 'p.scope_path').getRawMany<{ id: string }>()).map((r) => r.id),
    );
    if (personIds.some((id) => !found.has(id))) throw invalid('committee', '所选居民不存在或不在您的管辖区域内');
  }
  return seats.map((s, i) =>
    m.getRepository(PartyOrgSeat).create({
      id: randomUUID(),
      termId,
      orgId: org.id,
      role: s.role,
      memberId: s.memberId ?? null,
      personId: s.personId ?? null,
      seatOrder: i,
    }),
  );
}
