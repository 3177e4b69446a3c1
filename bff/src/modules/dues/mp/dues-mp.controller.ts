import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpDuesRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { DuesMpService } from './dues-mp.service';

/**
 * 党费 in the mini-program: the member's own dues screen, their yearly base, a voluntary extra,
 * prepaying the coming months. A
 * resident without the party_member role is refused (403) by the guard before any of this runs.
 */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class DuesMpController {
  @Inject()
  ctx!: Context;

  @Inject()
  private dues!: DuesMpService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(mpDuesRoutes.me)
  async me() {
    return { data: await this.dues.view(principalOf(this.ctx).id) };
  }

  @Api(mpDuesRoutes.declare)
  async declare({ body }: RouteInput<typeof mpDuesRoutes.declare>) {
    return { data: await this.dues.declare(this.acting(), body) };
  }

  @Api(mpDuesRoutes.voluntary)
  async voluntary({ body }: RouteInput<typeof mpDuesRoutes.voluntary>) {
    return { data: await this.dues.voluntary(principalOf(this.ctx).id, body.amountFen) };
  }

  @Api(mpDuesRoutes.prepay)
  async prepay({ body }: RouteInput<typeof mpDuesRoutes.prepay>) {
    return { data: await this.dues.prepay(principalOf(this.ctx).id, body.months) };
  }
}
