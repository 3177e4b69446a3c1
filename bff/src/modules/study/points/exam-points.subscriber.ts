import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { DomainEvents } from '../../../core/events';
import { ExamPassedEvent } from '../../exam';
import { eventAt } from './meeting-points.subscriber';
import { StudyPointsService } from './study-points.service';

/** Points for a passed exam (`exam_passed`, one entry per exam however many attempts passed). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ExamPointsSubscriber {
  @Inject()
  private events!: DomainEvents;

  @Inject()
  private points!: StudyPointsService;

  @Init()
  init(): void {
    this.events.subscribe(ExamPassedEvent, {
      name: 'study.points.exam_passed',
      handle: async (event, message) => {
        await this.points.awardNow({
          memberId: event.memberId,
          kind: 'exam_passed',
          at: eventAt(message),
          sourceId: event.examId,
        });
      },
    });
  }
}
