import { Provide, Scope, ScopeEnum } from '@midwayjs/core';

/**
 * The server's clock for attempts (start, deadline, submission). One provider so tests can move time
 * (`t.get(ExamClock).now = () => …`) without faking timers; everything else reads `now()`.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ExamClock {
  now(): number {
    return Date.now();
  }
}
