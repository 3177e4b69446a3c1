import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { tagRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { TagService } from './tag.service';

/** 人员标签 (managed list): readable by registry staff, editable only at town level. */
@ForPrincipal('staff')
@Controller('/')
export class TagController {
  @Inject()
  ctx!: Context;

  @Inject()
  private tags!: TagService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(tagRoutes.list)
  async list() {
    return { data: await this.tags.list(principalOf(this.ctx)) };
  }

  @Api(tagRoutes.create)
  async create({ body }: RouteInput<typeof tagRoutes.create>) {
    return { data: await this.tags.create(this.acting(), body) };
  }

  @Api(tagRoutes.update)
  async update({ params, body }: RouteInput<typeof tagRoutes.update>) {
    return { data: await this.tags.update(this.acting(), params.code, body) };
  }

  @Api(tagRoutes.remove)
  async remove({ params }: RouteInput<typeof tagRoutes.remove>) {
    await this.tags.remove(this.acting(), params.code);
  }
}
