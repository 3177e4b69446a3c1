import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { userRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import { PII_READ_LIMIT, RateLimit } from '../../core/http/rate-limit';
import type { Acting } from './staff-admin-audit';
import { StaffAdminService } from './staff-admin.service';
import { StaffDirectoryService } from './staff-directory.service';

@ForPrincipal('staff')
@Controller('/')
export class StaffAdminController {
  @Inject()
  ctx!: Context;

  @Inject()
  private directory!: StaffDirectoryService;

  @Inject()
  private admin!: StaffAdminService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(userRoutes.list)
  async list({ query }: RouteInput<typeof userRoutes.list>) {
    const { items, total } = await this.directory.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(userRoutes.create)
  @RateLimit({ name: 'user.create', limit: 30, windowSec: 600 })
  async create({ body }: RouteInput<typeof userRoutes.create>) {
    return { data: await this.admin.create(this.acting(), body) };
  }

  @Api(userRoutes.get)
  async get({ params }: RouteInput<typeof userRoutes.get>) {
    return { data: await this.directory.get(principalOf(this.ctx), params.id) };
  }

  @Api(userRoutes.update)
  async update({ params, body }: RouteInput<typeof userRoutes.update>) {
    return { data: await this.admin.update(this.acting(), params.id, body) };
  }

  @Api(userRoutes.disable)
  async disable({ params }: RouteInput<typeof userRoutes.disable>) {
    return { data: await this.admin.setStatus(this.acting(), params.id, 'disabled') };
  }

  @Api(userRoutes.enable)
  async enable({ params }: RouteInput<typeof userRoutes.enable>) {
    return { data: await this.admin.setStatus(this.acting(), params.id, 'active') };
  }

  @Api(userRoutes.resetPassword)
  @RateLimit({ name: 'user.reset-password', limit: 10, windowSec: 600 })
  async resetPassword({ params }: RouteInput<typeof userRoutes.resetPassword>) {
    return { data: await this.admin.resetPassword(this.acting(), params.id) };
  }

  @Api(userRoutes.pii)
  @RateLimit(PII_READ_LIMIT)
  async pii({ params }: RouteInput<typeof userRoutes.pii>) {
    return { data: await this.directory.pii(this.acting(), params.id) };
  }
}
