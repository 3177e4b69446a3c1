import { Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { DomainEvents } from '../../../core/events';
import { SurveyAnsweredEvent } from '../../survey';
import { eventAt } from './meeting-points.subscriber';
import { StudyPointsService } from './study-points.service';

/**
 * Points for a member's answered survey (`survey_answered`, one entry per survey). Residents' answers
 * carry no member and earn nothing; an anonymous answer of a member still names the member in the event only.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SurveyPointsSubscriber {
  @Inject()
  private events!: DomainEvents;

  @Inject()
  private points!: StudyPointsService;

  @Init()
  init(): void {
    this.events.subscribe(SurveyAnsweredEvent, {
      name: 'study.points.survey_answered',
      when: (event) => event.memberId !== null,
      handle: async (event, message) => {
        if (event.memberId === null) return;
        await this.points.awardNow({
          memberId: event.memberId,
          kind: 'survey_answered',
          at: eventAt(message),
          sourceId: event.surveyId,
        });
      },
    });
  }
}
