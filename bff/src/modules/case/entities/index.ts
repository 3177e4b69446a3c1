export { CaseRecord } from './case.entity';
export { CaseEvent } from './case-event.entity';
export { CaseFollower } from './case-follower.entity';
export { CaseCategory } from './case-category.entity';
export { Holiday } from './holiday.entity';
export { CaseContentCheck } from './case-content-check.entity';
export { CaseSavedView } from './case-saved-view.entity';
export { CaseNoCounter } from './case-no-counter.entity';
