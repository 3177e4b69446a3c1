import { z } from '@zhili/shared';
import { govLocationSchema, govOptionalText, govText, parseGovPayload } from '../core/gov-payload';
import type { HotlineOrder } from './hotline.types';

/** A work order as the 12345 platform sends it (pull page item or push). */
export const hotlineOrderSchema = z.looseObject({
  orderNo: z.string().regex(/^[A-Za-z0-9_-]{4,32}$/),
  title: z.string().max(200),
  content: govText(4000),
  categoryCode: z.string().max(32),
  categoryName: z.string().max(64),
  urgency: z.literal([1, 2, 3]),
  callerName: govOptionalText(64),
  callerPhone: govOptionalText(32),
  address: govOptionalText(256),
  location: govLocationSchema.nullable(),
  status: govText(32),
  deadline: govOptionalText(40),
  createdAt: govText(40),
  updatedAt: govText(40),
});

const pushSchema = z.looseObject({
  type: z.enum(['order.created', 'order.updated']),
  order: hotlineOrderSchema,
});

/** The page envelope only: orders are validated one by one, so one bad order cannot block a page. */
const pageSchema = z.looseObject({
  orders: z.array(z.unknown()).max(100),
  nextCursor: govText(128),
  hasMore: z.boolean(),
});

export function parseHotlinePush(value: unknown): { type: string; order: HotlineOrder } {
  return parseGovPayload(pushSchema, value);
}

export function parseHotlineOrder(value: unknown): HotlineOrder {
  return parseGovPayload(hotlineOrderSchema, value);
}

export function parseHotlinePage(value: unknown): { orders: unknown[]; nextCursor: string; hasMore: boolean } {
  return parseGovPayload(pageSchema, value);
}
