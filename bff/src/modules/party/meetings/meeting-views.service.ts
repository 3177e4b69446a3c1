import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { MeetingDetailVO, MeetingVO, StoredFileVO } from '@zhili/shared';
import { FileLinkService, StoredFile } from '../../file';
import { MemberPeopleService } from '../members/member-people.service';
import { PartyMember } from '../members/party-member.entity';
import { PartyOrg } from '../org/party-org.entity';
import { PartyMeeting } from './party-meeting.entity';
import { PartyMeetingAttendee } from './party-meeting-attendee.entity';

/** Present over expected (invitees not on leave); null when nobody is expected. */
export function attendanceRate(invited: number, present: number, onLeave: number): number | null {
  const expected = invited - onLeave;
  return expected > 0 ? Math.round((present / expected) * 1000) / 1000 : null;
}

/** Meetings as the portal shows them: figures batched per page, names through the member files. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MeetingViewsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private people!: MemberPeopleService;

  @Inject()
  private links!: FileLinkService;

  async toVOs(meetings: readonly PartyMeeting[]): Promise<MeetingVO[]> {
    if (meetings.length === 0) return [];
    const ids = meetings.map((m) => m.id);
    const counts = await this.dataSource
      .getRepository(PartyMeetingAttendee)
      .createQueryBuilder('a')
      .select('a.meeting_id', 'meetingId')
      .addSelect('a.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('a.meeting_id IN (:...ids)', { ids })
      .groupBy('a.meeting_id')
      .addGroupBy('a.status')
      .getRawMany<{ meetingId: string; status: string; n: number | string }>();
    const orgs = await this.dataSource
      .getRepository(PartyOrg)
      .findBy({ id: In([...new Set(meetings.map((m) => m.orgId))]) });
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    return meetings.map((m) => {
      const of = (status?: string) =>
        counts
          .filter((c) => c.meetingId === m.id && (!status || c.status === status))
          .reduce((sum, c) => sum + Number(c.n), 0);
      const invited = of();
      const present = of('present');
      const onLeave = of('leave');
      return {
        id: m.id,
        orgId: m.orgId,
        orgName: orgNames.get(m.orgId) ?? '',
        type: m.type,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        place: m.place,
        lng: m.lng,
        lat: m.lat,
        radiusM: m.radiusM,
        host: m.host,
        topic: m.topic,
        minutes: m.minutes,
        invited,
        present,
        onLeave,
        attendanceRate: attendanceRate(invited, present, onLeave),
      };
    });
  }

  async detail(meeting: PartyMeeting): Promise<MeetingDetailVO> {
    const [vo] = await this.toVOs([meeting]);
    const rows = await this.dataSource.getRepository(PartyMeetingAttendee).findBy({ meetingId: meeting.id });
    const members = rows.length
      ? await this.dataSource.getRepository(PartyMember).findBy({ id: In(rows.map((r) => r.memberId)) })
      : [];
    const people = await this.people.describe(members);
    const attendees = rows
      .map((r) => ({
        memberId: r.memberId,
        name: people.get(r.memberId)?.name ?? '',
        status: r.status,
        checkedInAt: r.checkedInAt,
        method: r.method,
        leaveReason: r.leaveReason,
        leaveStatus: r.leaveStatus,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return { ...vo, attendees, photos: await this.photos(meeting.photoIds ?? []) };
  }

  /** Signed links of the meeting's photos, in their saved order (a file gone from the store is skipped). */
  private async photos(ids: readonly string[], now: Date = new Date()): Promise<StoredFileVO[]> {
    if (ids.length === 0) return [];
    const files = new Map(
      (await this.dataSource.getRepository(StoredFile).findBy({ id: In([...ids]) })).map((f) => [f.id, f]),
    );
    return ids.flatMap((id) => {
      const file = files.get(id);
      return file ? [this.links.toVO(file, now)] : [];
    });
  }
}
