/**
 * Government connectors (12345 hotline, city operation platform) behind one adapter pattern.
 * Protocol: docs/GOV-PROTOCOL.md. Other modules import from here only.
 */
export { GovSyncState } from './gov-sync-state.entity';
export type { GovAdapter, GovBreakerState, GovConnectorStatus } from './core/gov-adapter';
export { GovApiError, classifyGovFailure } from './core/gov-errors';
export type { GovFailureKind } from './core/gov-errors';
export { SignedGovClient, defaultGovRetry, govBreakerResetMs } from './core/signed-gov-client';
export type { SignedGovClientOptions, GovRetryPolicy, GovBreakerPolicy } from './core/signed-gov-client';
export * from './core/gov-signing';
export type { GovLocation, GovCoordType } from './core/gov-wire';
export { GovConnectors, GOV_JOBS, GOV_SUBSCRIBERS } from './gov-connectors';
export { HotlineOrderReceivedEvent } from './hotline/hotline-events';
export { GovSyncStateService } from './core/gov-sync-state.service';
export { Hotline12345Connector } from './hotline/hotline-12345.connector';
export { HotlineInboundService } from './hotline/hotline-inbound.service';
export { HotlineOutboundService, hotlineStatusUpdate } from './hotline/hotline-outbound.service';
export {
  hotlineCategoryMap,
  hotlineCategory,
  hotlineUrgencyPriority,
  hotlineStatusOf,
} from './hotline/hotline-mapping';
export { HOTLINE_CONNECTOR, HOTLINE_PATHS } from './hotline/hotline.types';
export type { HotlineOrder, HotlineStatusUpdate } from './hotline/hotline.types';
export { CityPlatformConnector } from './city/city-platform.connector';
export { CityEscalationService } from './city/city-escalation.service';
export { CityResultsService } from './city/city-results.service';
export { CITY_CONNECTOR, CITY_PATHS, CITY_PLATFORM_NAME } from './city/city.types';
export type { CityResult, CityEventRequest } from './city/city.types';
