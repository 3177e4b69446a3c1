import type { ModuleManifest } from '../../core/modules/manifest';
import { StudyCourses1764300500000 } from '../../core/db/migrations/1764300500000-StudyCourses';
import { StudyColumn } from './courses/study-column.entity';
import { StudyCourse } from './courses/study-course.entity';
import { StudyEnrolment } from './courses/study-enrolment.entity';
import { StudyLessonEntity } from './courses/study-lesson.entity';
import { studyEnv } from './study.config';
import { StudyProgress1764300510000 } from '../../core/db/migrations/1764300510000-StudyProgress';
import { StudyDayTotal } from './progress/study-day-total.entity';
import { StudyLessonProgress } from './progress/study-lesson-progress.entity';
import { StudySession } from './progress/study-session.entity';
import { MeetingPointsSubscriber } from './points/meeting-points.subscriber';
import { ExamPointsSubscriber } from './points/exam-points.subscriber';
import { SurveyPointsSubscriber } from './points/survey-points.subscriber';
import { PointsEntry } from './points/points-entry.entity';
import { PointsRuleRow } from './points/points-rule.entity';
import { StudyReminders1764300520000 } from '../../core/db/migrations/1764300520000-StudyReminders';
import { StudyReminder } from './analysis/study-reminder.entity';
import { StudyReminderPush } from './analysis/study-reminder-push';

/**
 * The online party school (网上党校, #15): columns, courses and lessons, honest study progress from
 * heartbeats, the points ledger and ranking, and the teacher's progress analysis.
 */
export const studyManifest = {
  name: 'study',
  config: studyEnv,
  entities: [
    StudyColumn,
    StudyCourse,
    StudyLessonEntity,
    StudyEnrolment,
    StudyLessonProgress,
    StudySession,
    StudyDayTotal,
    PointsEntry,
    PointsRuleRow,
    StudyReminder,
  ],
  migrations: [StudyCourses1764300500000, StudyProgress1764300510000, StudyReminders1764300520000],
  permissions: ['study:manage', 'party:manage'],
  subscribers: [MeetingPointsSubscriber, ExamPointsSubscriber, SurveyPointsSubscriber, StudyReminderPush],
} satisfies ModuleManifest;
