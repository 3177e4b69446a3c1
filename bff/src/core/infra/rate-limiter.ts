import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * A budget of `limit` actions per fixed window of `windowSec` seconds, counted per key. Limiters
 * of the same `name` share their counts (across BFF processes on Redis), so the name is the budget.
 */
export interface RateBudget {
  name: string;
  limit: number;
  windowSec: number;
}

/** Where a key stands after an action. */
export interface RateState {
  /** Actions counted in the current window, this one included. */
  count: number;
  /** Whole seconds until the window ends and counting starts again. */
  resetInSec: number;
  /** True when this action went over the budget. */
  limited: boolean;
}

/** Runs one store operation, turning a store outage into our error (see RedisInfra). */
export type StoreCall = <T>(run: () => Promise<T>) => Promise<T>;

const stateOf = (res: RateLimiterRes, limited: boolean): RateState => ({
  count: res.consumedPoints,
  resetInSec: Math.max(0, Math.ceil(res.msBeforeNext / 1000)),
  limited,
});

/**
 * rate-limiter-flexible behind the three operations our callers need, with one difference in
 * style: going over the budget is an answer (`limited`), not a rejection, so a store outage is the
 * only thing that throws. Infra.rateLimiter() picks the memory or Redis limiter, so callers never
 * know which one counts.
 */
export class RateLimiter {
  constructor(
    readonly budget: RateBudget,
    private readonly limiter: RateLimiterAbstract,
    private readonly store: StoreCall,
  ) {}

  /** Spends one action. One over the budget still counts, so a client that keeps hammering stays limited. */
  async consume(key: string): Promise<RateState> {
    try {
      return stateOf(await this.store(() => this.limiter.consume(key)), false);
    } catch (err) {
      if (err instanceof RateLimiterRes) return stateOf(err, true);
      throw err;
    }
  }

  /** Counts one action that can never be refused (e.g. a failed login: the caller decides what the count means). */
  async penalty(key: string): Promise<RateState> {
    const res = await this.store(() => this.limiter.penalty(key));
    return stateOf(res, res.consumedPoints > this.budget.limit);
  }

  /** Forgets the key's count: its next action starts a new window. */
  async delete(key: string): Promise<void> {
    await this.store(() => this.limiter.delete(key));
  }
}

/**
 * One limiter per budget name for the life of an Infra: in memory the count lives in the limiter
 * object, so two objects for one name would each allow the whole budget.
 */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(private readonly create: (budget: RateBudget) => RateLimiter) {}

  get(budget: RateBudget): RateLimiter {
    const known = this.limiters.get(budget.name);
    if (!known) {
      const limiter = this.create(budget);
      this.limiters.set(budget.name, limiter);
      return limiter;
    }
    // A name with two limits would count differently in memory and in Redis: a programming error.
    if (known.budget.limit !== budget.limit || known.budget.windowSec !== budget.windowSec) {
      throw new Error(`Rate budget ${budget.name} is declared with two different limits`);
    }
    return known;
  }

  clear(): void {
    this.limiters.clear();
  }
}
