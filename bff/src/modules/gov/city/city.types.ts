import type { GovLocation } from '../core/gov-wire';

/** Wire shapes of the city operation platform (城市运行管理服务平台, docs/GOV-PROTOCOL.md §4). */
export const CITY_CONNECTOR = 'city';
export const CITY_PLATFORM_NAME = '城市运行管理服务平台';

export const CITY_PATHS = {
  createEvent: '/open/api/v1/city/events/create',
  queryResults: '/open/api/v1/city/events/results/query',
} as const;

export interface CityEventRequest {
  caseNo: string;
  title: string;
  description: string;
  categoryCode: string;
  categoryName: string;
  priority: string;
  address: string | null;
  location: GovLocation | null;
  reportedAt: string;
  escalatedAt: string;
  reason: string;
  townName: string;
}

export interface CityEventCreated {
  eventId: string;
  caseNo: string;
  round: number;
  duplicate: boolean;
}

export interface CityResult {
  eventId: string;
  caseNo: string;
  round: number;
  result: string;
  handler: string;
  finishedAt: string;
}
