/** 人口: person registry (list/detail/writes/tags) and the helpers other registry parts reuse. */
export { PersonQueryService, tagList } from './person-query.service';
export type { PersonListQuery } from './person-query.service';
export { PersonCommandService } from './person-command.service';
export { PersonViewsService } from './person-views.service';
export { exactSearchNumber, normalizeIdNumber, resolveIdentity, resolvePhone } from './person-identity';
