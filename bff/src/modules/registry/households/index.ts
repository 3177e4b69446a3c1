/** 户: households and the membership rules person writes share. */
export { HouseholdQueryService } from './household-query.service';
export type { HouseholdListQuery } from './household-query.service';
export { HouseholdCommandService } from './household-command.service';
