import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import type { MemberEventKind } from '@zhili/shared';
import { PartyMemberEvent } from './party-member-event.entity';

export interface NewMemberEvent {
  memberId: string;
  kind: MemberEventKind;
  on: string;
  orgId: string;
  toOrgId?: string | null;
  detail?: PartyMemberEvent['detail'];
  actorId: string;
  actorName: string;
}

/** Appends lines to members' histories inside the caller's transaction (one INSERT for many). */
export async function appendMemberEvents(m: EntityManager, events: readonly NewMemberEvent[]): Promise<void> {
  if (events.length === 0) return;
  const repo = m.getRepository(PartyMemberEvent);
  await repo.insert(
    events.map((e) =>
      repo.create({
        id: randomUUID(),
        memberId: e.memberId,
        kind: e.kind,
        happenedOn: e.on,
        orgId: e.orgId,
        toOrgId: e.toOrgId ?? null,
        detail: e.detail ?? {},
        actorId: e.actorId,
        actorName: e.actorName,
      }),
    ),
  );
}
