import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpMeRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import { MpPhoneService } from './mp-phone.service';
import { MpUserService } from './mp-user.service';

@ForPrincipal('mp')
@Controller('/')
export class MpMeController {
  @Inject()
  ctx!: Context;

  @Inject()
  private service!: MpUserService;

  @Inject()
  private phones!: MpPhoneService;

  @Api(mpMeRoutes.me)
  async me() {
    return { data: await this.service.profile(principalOf(this.ctx).id) };
  }

  @Api(mpMeRoutes.update)
  async update({ body }: RouteInput<typeof mpMeRoutes.update>) {
    return { data: await this.service.updateProfile(principalOf(this.ctx).id, body) };
  }

  @Api(mpMeRoutes.bindPhone)
  async bindPhone({ body }: RouteInput<typeof mpMeRoutes.bindPhone>) {
    return { data: await this.phones.bind(principalOf(this.ctx), body.code, clientInfo(this.ctx)) };
  }
}
