import { RuleType } from '@midwayjs/validate';
import { parseGovPayload } from '../core/gov-payload';
import type { CityEventCreated, CityResult } from './city.types';

const resultSchema = RuleType.object({
  eventId: RuleType.string().max(64).required(),
  caseNo: RuleType.string().max(32).required(),
  round: RuleType.number().integer().min(1).required(),
  result: RuleType.string().min(1).max(2000).required(),
  handler: RuleType.string().allow('').max(64).required(),
  finishedAt: RuleType.string().max(40).required(),
}).unknown(true);

const pushSchema = RuleType.object({
  type: RuleType.string().valid('event.finished').required(),
  result: resultSchema.required(),
}).unknown(true);

const pageSchema = RuleType.object({
  results: RuleType.array().items(RuleType.any()).max(100).required(),
  nextCursor: RuleType.string().min(1).max(128).required(),
  hasMore: RuleType.boolean().required(),
}).unknown(true);

const createdSchema = RuleType.object({
  eventId: RuleType.string().max(64).required(),
  caseNo: RuleType.string().max(32).required(),
  round: RuleType.number().integer().min(1).required(),
  duplicate: RuleType.boolean().required(),
}).unknown(true);

export const parseCityPush = (value: unknown): { type: string; result: CityResult } =>
  parseGovPayload(pushSchema, value);
export const parseCityResult = (value: unknown): CityResult => parseGovPayload(resultSchema, value);
export const parseCityPage = (value: unknown): { results: unknown[]; nextCursor: string; hasMore: boolean } =>
  parseGovPayload(pageSchema, value);
export const parseCityCreated = (value: unknown): CityEventCreated => parseGovPayload(createdSchema, value);
