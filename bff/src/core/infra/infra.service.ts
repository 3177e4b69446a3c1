import { Config, Destroy, Init, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { CoreEnv } from '../config/core-env';
import { MemoryInfra } from './memory-infra';
import { RedisInfra } from './redis-infra';
import type { Infra } from './types';

/**
 * The process-wide infra singleton: Redis when `REDIS_URL` is set, in-process otherwise. Start-up
 * fails when a configured Redis cannot be reached, rather than silently falling back.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class InfraService {
  @Config('zhili.env')
  private env!: CoreEnv;

  private instance!: Infra;

  @Init()
  async init(): Promise<void> {
    if (this.env.REDIS_URL) {
      try {
        this.instance = await RedisInfra.connect({ url: this.env.REDIS_URL, keyPrefix: this.env.REDIS_KEY_PREFIX });
      } catch (err) {
        throw new Error(`Cannot reach Redis at REDIS_URL (${(err as Error).message})`);
      }
    } else {
      this.instance = new MemoryInfra();
    }
  }

  get infra(): Infra {
    return this.instance;
  }

  @Destroy()
  async close(): Promise<void> {
    await this.instance?.close();
  }
}
