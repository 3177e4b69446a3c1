// What every route handler gets: the state, the notifier, the timing options and, on WeChat Pay
// paths, the merchant whose signature was verified.
import type { Notifier } from './notify';
import type { PayState, ResolvedMerchant } from './state';
import type { SimRequest, SimResponse } from './types';

export interface SimContext {
  state: PayState;
  notifier: Notifier;
  refundDelayMs: number;
  downloadBase: string;
  /** Timers of delayed work (refund completion), cleared on close. */
  later(fn: () => void, ms: number): void;
}

export type PayHandler = (ctx: SimContext, req: SimRequest, merchant: ResolvedMerchant) => SimResponse;
export type DevHandler = (ctx: SimContext, req: SimRequest) => SimResponse | Promise<SimResponse>;
