import { z } from '@zhili/shared';
import { defineDomainEvent } from '../../../core/events';

/**
 * `party.meeting_scheduled`: one invitee of a newly scheduled meeting, appended in the scheduling
 * transaction (one event per invitee, so each invitation is delivered and retried on its own).
 */
export const MeetingScheduledEvent = defineDomainEvent(
  'party.meeting_scheduled',
  z.object({ meetingId: z.string().min(1), memberId: z.string().min(1) }),
);
export type MeetingScheduled = z.infer<typeof MeetingScheduledEvent.schema>;

export const meetingScheduledKey = (meetingId: string, memberId: string) => `party:meeting:${meetingId}:${memberId}`;

/**
 * `party.meeting_attended`: a member checked in to a meeting (attendance recorded), appended in the
 * check-in's transaction; the party school credits its points (`meeting_attended`) from it.
 */
export const MeetingAttendedEvent = defineDomainEvent(
  'party.meeting_attended',
  z.object({ memberId: z.string().min(1), meetingId: z.string().min(1) }),
);
export type MeetingAttended = z.infer<typeof MeetingAttendedEvent.schema>;

export const meetingAttendedKey = (meetingId: string, memberId: string) =>
  `party:meeting:${meetingId}:attended:${memberId}`;
