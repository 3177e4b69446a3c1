import { z } from '@zhili/shared';
import { govText, parseGovPayload } from '../core/gov-payload';
import type { CityEventCreated, CityResult } from './city.types';

const round = z.number().int().min(1);

const resultSchema = z.looseObject({
  eventId: govText(64),
  caseNo: govText(32),
  round,
  result: govText(2000),
  handler: z.string().max(64),
  finishedAt: govText(40),
});

const pushSchema = z.looseObject({ type: z.literal('event.finished'), result: resultSchema });

/** The page envelope only: results are validated one by one, so one bad result cannot block a page. */
const pageSchema = z.looseObject({
  results: z.array(z.unknown()).max(100),
  nextCursor: govText(128),
  hasMore: z.boolean(),
});

const createdSchema = z.looseObject({
  eventId: govText(64),
  caseNo: govText(32),
  round,
  duplicate: z.boolean(),
});

export const parseCityPush = (value: unknown): { type: string; result: CityResult } =>
  parseGovPayload(pushSchema, value);
export const parseCityResult = (value: unknown): CityResult => parseGovPayload(resultSchema, value);
export const parseCityPage = (value: unknown): { results: unknown[]; nextCursor: string; hasMore: boolean } =>
  parseGovPayload(pageSchema, value);
export const parseCityCreated = (value: unknown): CityEventCreated => parseGovPayload(createdSchema, value);
