import { z } from '@zhili/shared';
import { defineDomainEvent } from '../../../core/events';

/**
 * `gov.hotline_order_received`: a 12345 work order was taken in (pulled or pushed; again for a
 * repeat). Its key is the order number, so the receipt subscriber gets one row per order.
 */
export const HotlineOrderReceivedEvent = defineDomainEvent(
  'gov.hotline_order_received',
  z.object({ caseId: z.string().min(1), orderNo: z.string().min(1) }),
);

export const hotlineOrderKey = (orderNo: string): string => `hotline:${orderNo}`;
