/** Visits (走访) of persons with care tags: recording, lists and "visits due". */
export { VisitQueryService } from './visit-query.service';
