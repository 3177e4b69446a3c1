/**
 * Cases (接诉即办 / 随手拍): intake from every source, the state machine with its timeline and
 * outbox, views. Other modules import from here only. See docs/CONTRACTS.md "Cases (issue #5)".
 */
export * from './entities';
export { CaseIntakeService } from './core/case-intake.service';
export type { CaseIntakeInput } from './core/case-intake.service';
export { CaseWorkflowService } from './core/case-workflow.service';
export type { CaseEventDraft } from './core/case-workflow.service';
export type { CaseActionInputs } from './core/case-action-effects';
export { CaseActorResolver, systemActor } from './core/case-actor';
export type { CaseActor } from './core/case-actor';
export { CaseViewsService, isOverdue, seesAnonymousReporters, slaFields, slaStateOf } from './core/case-views.service';
export { CaseCalendarService } from './core/case-calendar.service';
export { CaseEventAppendedEvent, caseEventAppendedSchema } from './core/case-events';
export type { CaseEventAppended } from './core/case-events';
// The staff dashboard reads case numbers through the inbox's own filters and the statistics.
export { CaseStatsService } from './stats';
export { applyCaseFilters } from './admin/case-filters';
