import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { personRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { PersonCommandService } from './person-command.service';
import { PersonQueryService } from './person-query.service';

/** 人口: the person registry of the caller's region subtree (ID number and phone always masked). */
@ForPrincipal('staff')
@Controller('/')
export class PersonController {
  @Inject()
  ctx!: Context;

  @Inject()
  private persons!: PersonQueryService;

  @Inject()
  private commands!: PersonCommandService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(personRoutes.list)
  async list({ query }: RouteInput<typeof personRoutes.list>) {
    const { items, total } = await this.persons.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(personRoutes.create)
  async create({ body }: RouteInput<typeof personRoutes.create>) {
    return { data: await this.commands.create(this.acting(), body) };
  }

  @Api(personRoutes.get)
  async get({ params }: RouteInput<typeof personRoutes.get>) {
    return { data: await this.persons.detail(principalOf(this.ctx), params.id) };
  }

  @Api(personRoutes.update)
  async update({ params, body }: RouteInput<typeof personRoutes.update>) {
    return { data: await this.commands.update(this.acting(), params.id, body) };
  }

  @Api(personRoutes.remove)
  async remove({ params }: RouteInput<typeof personRoutes.remove>) {
    await this.commands.remove(this.acting(), params.id);
  }

  @Api(personRoutes.pii)
  async pii({ params }: RouteInput<typeof personRoutes.pii>) {
    return { data: await this.persons.pii(this.acting(), params.id) };
  }

  @Api(personRoutes.setTags)
  async setTags({ params, body }: RouteInput<typeof personRoutes.setTags>) {
    return { data: await this.commands.setTags(this.acting(), params.id, body.codes) };
  }
}
