/** Case statistics (dashboard charts): `CaseStatsService.stats(principal, { regionId, from, to })` → CaseStatsVO. */
export { CaseStatsService, STATS_DEFAULT_DAYS, STATS_MAX_DAYS } from './case-stats.service';
export type { CaseStatsQuery } from './case-stats.service';
