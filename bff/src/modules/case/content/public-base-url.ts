import { App, Config, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Application, Framework } from '@midwayjs/koa';
import type { AddressInfo } from 'net';
import type { AppEnv } from '../../../config/env';

/**
 * The absolute base URL under which outside services (WeChat's media check) reach this BFF:
 * PUBLIC_BASE_URL when configured (production: the HTTPS domain behind the reverse proxy), else the
 * address this process listens on (dev, tests: the simulator runs on the same machine).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PublicBaseUrl {
  @Config('zhili.env')
  private env!: Pick<AppEnv, 'PUBLIC_BASE_URL' | 'PORT' | 'HOST'>;

  @App('koa')
  private app!: Application;

  get(): string {
    if (this.env.PUBLIC_BASE_URL) return this.env.PUBLIC_BASE_URL.replace(/\/$/, '');
    const server = (this.app.getFramework() as unknown as Framework).getServer();
    const address = server?.address() as AddressInfo | null | undefined;
    const port = address?.port ?? this.env.PORT;
    // A wildcard bind is reachable on loopback; IPv6 literals need brackets in a URL.
    const host = ['0.0.0.0', '::', ''].includes(this.env.HOST) ? '127.0.0.1' : this.env.HOST;
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }
}
