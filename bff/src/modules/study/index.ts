/**
 * The online party school (#15): what other modules may import from it.
 */
// Courses (H1): who may study which lesson, and the course entities.
export { CourseAccessService } from './courses/course-access.service';
export type { MemberLesson } from './courses/course-access.service';
export { StudyColumn } from './courses/study-column.entity';
export { StudyCourse } from './courses/study-course.entity';
export { StudyLessonEntity, toStudyLesson } from './courses/study-lesson.entity';
export { StudyEnrolment } from './courses/study-enrolment.entity';
// Progress and points (H2): honest progress per member × lesson, study time per day, the points ledger.
export { StudyLessonProgress } from './progress/study-lesson-progress.entity';
export { StudySession } from './progress/study-session.entity';
export { StudyDayTotal } from './progress/study-day-total.entity';
export { PointsEntry } from './points/points-entry.entity';
export { PointsRuleRow } from './points/points-rule.entity';
export { StudyPointsService } from './points/study-points.service';
