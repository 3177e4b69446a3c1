import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpPartyHomeRoutes } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { PartyMpHomeService } from './party-mp-home.service';

/**
 * The party section's home for ANY signed-in mini-program user: a resident who opens it gets
 * `{ member: null }` (the page explains how to join), never a 403.
 */
@ForPrincipal('mp')
@Controller('/')
export class MpPartyHomeController {
  @Inject()
  ctx!: Context;

  @Inject()
  private home!: PartyMpHomeService;

  @Api(mpPartyHomeRoutes.me)
  async me() {
    return { data: await this.home.home(principalOf(this.ctx).id) };
  }
}
