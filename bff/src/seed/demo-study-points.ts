import { randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import {
  defaultPointsRules,
  pointsFor,
  shanghaiDate,
  type PointsEntry as RuleEntry,
  type StudyEvent,
} from '@zhili/shared';
import { PartyMeetingAttendee } from '../modules/party/meetings/party-meeting-attendee.entity';
import { PartyMeeting } from '../modules/party/meetings/party-meeting.entity';
import { PartyMemberAccount } from '../modules/party/meetings/party-member-account.entity';
import { PartyMember } from '../modules/party/members/party-member.entity';
import { PointsEntry } from '../modules/study/points/points-entry.entity';
import { Rng } from './prng';
import { CHUNK_ROWS } from './writer';

const DEMO_POINTS_SEED = 20_261_215;
const DAY_MS = 86_400_000;
/** How far back the demo ledger goes: this month and the last one have a ranking. */
const HISTORY_DAYS = 45;

export interface DemoStudyPointsReport {
  /** False when a ledger existed already (nothing written) or there are no party members. */
  created: boolean;
  entries: number;
}

/**
 * A points history for the demo party (学习积分): daily logins of the last 45 days (some members every
 * day, some rarely; 李四, the linked demo member, most days) and the meetings each member attended,
 * every entry decided by the shared `pointsFor` with the default rules and caps, so the ranking and
 * "my points" pages have something true to show. Lesson and exam points come from real study later.
 */
export async function ensureDemoStudyPoints(
  dataSource: DataSource,
  options: { now?: Date } = {},
): Promise<DemoStudyPointsReport> {
  const ledger = dataSource.getRepository(PointsEntry);
  if ((await ledger.count()) > 0) return { created: false, entries: 0 };
  const members = await dataSource
    .getRepository(PartyMember)
    .find({ where: { status: 'active' }, order: { id: 'ASC' } });
  if (members.length === 0) return { created: false, entries: 0 };
  const linked = new Set((await dataSource.getRepository(PartyMemberAccount).find()).map((a) => a.memberId));
  const attended = await dataSource.getRepository(PartyMeetingAttendee).findBy({ status: 'present' });
  const attendedBy = new Map<string, PartyMeetingAttendee[]>();
  for (const a of attended) attendedBy.set(a.memberId, [...(attendedBy.get(a.memberId) ?? []), a]);
  const meetings = new Map(
    (await dataSource.getRepository(PartyMeeting).find({ select: { id: true, startsAt: true } })).map((m) => [
      m.id,
      Date.parse(m.startsAt),
    ]),
  );
  const now = (options.now ?? new Date()).getTime();
  const since = now - HISTORY_DAYS * DAY_MS;
  const rng = new Rng(DEMO_POINTS_SEED);
  const rows: PointsEntry[] = [];
  for (const member of members) {
    const own: RuleEntry[] = [];
    const add = (event: StudyEvent) => {
      const decision = pointsFor(event, own, defaultPointsRules);
      const sourceId = event.sourceId ?? shanghaiDate(event.at);
      own.push({ ...event, sourceId, points: decision.points, reason: decision.reason });
      rows.push(
        ledger.create({
          id: randomUUID(),
          memberId: member.id,
          kind: event.kind,
          sourceId,
          points: decision.points,
          reason: decision.reason,
          at: event.at,
          day: shanghaiDate(event.at),
        }),
      );
    };
    // How often this member opens the school: linked demo accounts most days, others anywhere from rarely to daily.
    const habit = linked.has(member.id) ? 0.85 : rng.range(0.05, 0.9);
    for (let day = HISTORY_DAYS; day >= 1; day -= 1) {
      if (rng.chance(habit))
        add({ memberId: member.id, kind: 'daily_login', at: now - day * DAY_MS + rng.int(0, 3_600_000) });
    }
    for (const a of attendedBy.get(member.id) ?? []) {
      const at = meetings.get(a.meetingId);
      if (at !== undefined && at >= since && at < now)
        add({ memberId: member.id, kind: 'meeting_attended', at, sourceId: a.meetingId });
    }
  }
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) await ledger.insert(rows.slice(i, i + CHUNK_ROWS));
  return { created: true, entries: rows.length };
}
