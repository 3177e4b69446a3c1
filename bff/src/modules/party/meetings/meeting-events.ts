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
