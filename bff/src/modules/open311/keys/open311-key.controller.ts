import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { open311KeyRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { Open311KeyService } from './open311-key.service';

/** Open311 api keys for outside clients (issued, listed and revoked at town level by `case:manage`). */
@ForPrincipal('staff')
@Controller('/')
export class Open311KeyController {
  @Inject()
  ctx!: Context;

  @Inject()
  private keys!: Open311KeyService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(open311KeyRoutes.list)
  async list() {
    return { data: await this.keys.list(this.acting()) };
  }

  @Api(open311KeyRoutes.issue)
  async issue({ body }: RouteInput<typeof open311KeyRoutes.issue>) {
    return { data: await this.keys.issue(this.acting(), body.name) };
  }

  @Api(open311KeyRoutes.revoke)
  async revoke({ params }: RouteInput<typeof open311KeyRoutes.revoke>) {
    await this.keys.revoke(this.acting(), params.id);
  }
}
