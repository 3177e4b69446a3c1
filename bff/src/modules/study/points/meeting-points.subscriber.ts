import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { DomainEvents } from '../../../core/events';
import type { OutboxMessage } from '../../../core/outbox';
import { MeetingAttendedEvent } from '../../party';
import { StudyPointsService } from './study-points.service';

/** The instant the producer appended the event (a retry later in the day still credits that day). */
export const eventAt = (message: OutboxMessage): number => message.createdAt?.getTime?.() ?? Date.now();

/** Points for attending a meeting (`meeting_attended`, one entry per meeting). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MeetingPointsSubscriber {
  @Inject()
  private events!: DomainEvents;

  @Inject()
  private points!: StudyPointsService;

  @Init()
  init(): void {
    this.events.subscribe(MeetingAttendedEvent, {
      name: 'study.points.meeting_attended',
      handle: async (event, message) => {
        await this.points.awardNow({
          memberId: event.memberId,
          kind: 'meeting_attended',
          at: eventAt(message),
          sourceId: event.meetingId,
        });
      },
    });
  }
}
