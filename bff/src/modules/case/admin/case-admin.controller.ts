import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { caseAdminRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { clientInfo } from '../../../core/http/client-info';
import { Api } from '../../../core/http/contract';
import type { Acting } from '../../../core/audit';
import { CaseStatsService } from '../stats/case-stats.service';
import { CaseAdminCommandService } from './case-command.service';
import { CaseRelocateService } from './case-relocate.service';
import { DispatchCandidatesService } from './dispatch-candidates.service';
import { CaseEntryService } from './case-entry.service';
import { CaseAdminQueryService } from './case-query.service';

const routes = caseAdminRoutes;

/** 工单: the staff case console (inbox, map, statistics, detail and actions), limited to the caller's region subtree. */
@ForPrincipal('staff')
@Controller('/')
export class CaseAdminController {
  @Inject()
  ctx!: Context;

  @Inject()
  private cases!: CaseAdminQueryService;

  @Inject()
  private commands!: CaseAdminCommandService;

  @Inject()
  private entry!: CaseEntryService;

  @Inject()
  private statistics!: CaseStatsService;

  @Inject()
  private candidates!: DispatchCandidatesService;

  @Inject()
  private relocation!: CaseRelocateService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(routes.list)
  async list({ query }: RouteInput<typeof routes.list>) {
    const { items, total } = await this.cases.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  // Not named `map`: @midwayjs/swagger reads a handler's parameter metadata by name from an array
  // when the controller declares none, and would find Array.prototype.map there.
  @Api(routes.map)
  async mapPoints({ query }: RouteInput<typeof routes.map>) {
    return { data: await this.cases.map(principalOf(this.ctx), query) };
  }

  @Api(routes.stats)
  async stats({ query }: RouteInput<typeof routes.stats>) {
    return {
      data: await this.statistics.stats(principalOf(this.ctx), {
        regionId: query.regionId || undefined,
        from: query.from,
        to: query.to,
      }),
    };
  }

  @Api(routes.create)
  async create({ body }: RouteInput<typeof routes.create>) {
    return { data: await this.entry.create(principalOf(this.ctx), body) };
  }

  @Api(routes.batchDispatch)
  async batchDispatch({ body }: RouteInput<typeof routes.batchDispatch>) {
    return { data: await this.commands.batchDispatch(this.acting(), body.caseIds, body.assignee) };
  }

  @Api(routes.detail)
  async detail({ params }: RouteInput<typeof routes.detail>) {
    return { data: await this.cases.detail(principalOf(this.ctx), params.id) };
  }

  @Api(routes.pii)
  async pii({ params }: RouteInput<typeof routes.pii>) {
    return { data: await this.cases.pii(this.acting(), params.id) };
  }

  @Api(routes.assignees)
  async assignees({ params }: RouteInput<typeof routes.assignees>) {
    return { data: await this.cases.assignees(principalOf(this.ctx), params.id) };
  }

  @Api(routes.dispatchCandidates)
  async dispatchCandidates({ params, query }: RouteInput<typeof routes.dispatchCandidates>) {
    return { data: await this.candidates.candidates(principalOf(this.ctx), params.id, query.q ?? '') };
  }

  @Api(routes.relocate)
  async relocate({ params, body }: RouteInput<typeof routes.relocate>) {
    return { data: await this.relocation.relocate(this.acting(), params.id, body) };
  }

  @Api(routes.act)
  async act({ params, body }: RouteInput<typeof routes.act>) {
    return { data: await this.commands.act(this.acting(), params.id, body) };
  }

  @Api(routes.note)
  async note({ params, body }: RouteInput<typeof routes.note>) {
    return { data: await this.commands.note(this.acting(), params.id, body.note, body.photoIds ?? []) };
  }
}
