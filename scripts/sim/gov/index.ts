// Public API of the government platform simulators (docs/GOV-PROTOCOL.md).
export { startHotlineSim } from './hotline-sim';
export { startCitySim } from './city-sim';
export { startGovSimsForStack } from './launcher';
export type { GovStackSims } from './launcher';
export { DEMO_HOTLINE_ORDERS } from './demo-orders';
export { HOTLINE_STATUS_NAMES } from './hotline-state';
export { GovCode, GOV_HEADERS, TIME_WINDOW_MS, signedHeaders, stringToSign, sign, beijingIso } from './protocol';
export { seededRandom } from './faults';
export { GOV_CALLBACK_PATHS, parseGovSimConfig } from './cli-config';
export type { FaultKind, FaultSettings } from './faults';
export type { PushEntry } from './push';
export { HOTLINE_PATHS, CITY_PATHS, HOTLINE_STATUS_CODES } from './types';
export type {
  AckEntry,
  CityEvent,
  CityEventInput,
  CityResult,
  CitySim,
  GovLocation,
  GovRequestLogEntry,
  GovSimOptions,
  HotlineOrder,
  HotlineSim,
  HotlineStatusCode,
  HotlineStatusUpdate,
  NewHotlineOrder,
  StatusLogEntry,
} from './types';
