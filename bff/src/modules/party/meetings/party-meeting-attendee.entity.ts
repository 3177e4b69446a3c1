import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MeetingAttendanceStatus } from '@zhili/shared';

/**
 * An invitee of a meeting: the branch's members when it was scheduled, kept per meeting so later
 * transfers do not rewrite who was expected. Check-in and leave are recorded on this row.
 */
@Entity({ name: 'party_meeting_attendee' })
@Index('idx_party_meeting_attendee_member', ['memberId'])
export class PartyMeetingAttendee {
  @PrimaryColumn({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ type: 'varchar', length: 16, default: 'absent' })
  status!: MeetingAttendanceStatus;

  @Column({ name: 'checked_in_at', type: 'varchar', length: 24, nullable: true })
  checkedInAt!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  method!: 'qr' | 'location' | null;

  @Column({ name: 'leave_reason', type: 'varchar', length: 200, nullable: true })
  leaveReason!: string | null;

  @Column({ name: 'leave_status', type: 'varchar', length: 16, nullable: true })
  leaveStatus!: 'requested' | 'approved' | 'refused' | null;
}
