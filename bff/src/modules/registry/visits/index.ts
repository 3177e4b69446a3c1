/** Visits (走访) of persons with care tags: recording, lists and "visits due". */
export { VisitQueryService } from './visit-query.service';
export { VisitService, checkedVisitedAt } from './visit.service';
export type { NewVisit, VisitListQuery } from './visit.service';
export { VisitDueService } from './visit-due.service';
export type { PersonDue, VisitDueQuery } from './visit-due.service';
