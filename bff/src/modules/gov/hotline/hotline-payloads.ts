import { RuleType } from '@midwayjs/validate';
import { govLocationSchema, parseGovPayload } from '../core/gov-payload';
import type { HotlineOrder, HotlineOrderPage } from './hotline.types';

const nullableText = (max: number) => RuleType.string().allow(null, '').max(max).required();

/** A work order as the 12345 platform sends it (pull page item or push). */
export const hotlineOrderSchema = RuleType.object({
  orderNo: RuleType.string()
    .pattern(/^[A-Za-z0-9_-]{4,32}$/)
    .required(),
  title: RuleType.string().allow('').max(200).required(),
  content: RuleType.string().min(1).max(4000).required(),
  categoryCode: RuleType.string().max(32).allow('').required(),
  categoryName: RuleType.string().max(64).allow('').required(),
  urgency: RuleType.number().valid(1, 2, 3).required(),
  callerName: nullableText(64),
  callerPhone: nullableText(32),
  address: nullableText(256),
  location: govLocationSchema.allow(null).required(),
  status: RuleType.string().max(32).required(),
  deadline: nullableText(40),
  createdAt: RuleType.string().max(40).required(),
  updatedAt: RuleType.string().max(40).required(),
}).unknown(true);

const pushSchema = RuleType.object({
  type: RuleType.string().valid('order.created', 'order.updated').required(),
  order: hotlineOrderSchema.required(),
}).unknown(true);

const pageSchema = RuleType.object({
  orders: RuleType.array().items(RuleType.any()).max(100).required(),
  nextCursor: RuleType.string().min(1).max(128).required(),
  hasMore: RuleType.boolean().required(),
}).unknown(true);

export function parseHotlinePush(value: unknown): { type: string; order: HotlineOrder } {
  return parseGovPayload(pushSchema, value);
}

export function parseHotlineOrder(value: unknown): HotlineOrder {
  return parseGovPayload(hotlineOrderSchema, value);
}

/** The page envelope only: orders are validated one by one, so one bad order cannot block a page. */
export function parseHotlinePage(value: unknown): Omit<HotlineOrderPage, 'orders'> & { orders: unknown[] } {
  return parseGovPayload(pageSchema, value);
}
