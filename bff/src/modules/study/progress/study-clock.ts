import { Provide, Scope, ScopeEnum } from '@midwayjs/core';

/**
 * The server clock the heartbeat rules measure study time with. Production reads `Date.now()`; tests
 * freeze and advance it to prove that progress moves only as server time passes.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyClock {
  private frozenAt: number | null = null;

  now(): number {
    return this.frozenAt ?? Date.now();
  }

  /** Tests: stop the clock at `at` (epoch ms). */
  freeze(at: number): void {
    this.frozenAt = at;
  }

  /** Tests: move a frozen clock forward. */
  advance(ms: number): void {
    this.frozenAt = (this.frozenAt ?? Date.now()) + ms;
  }

  /** Tests: back to real time. */
  release(): void {
    this.frozenAt = null;
  }
}
