import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpCaseRoutes } from '@zhili/shared';
import type { MpCaseDetailVO, RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { RateLimit } from '../../../core/http/rate-limit';
import { MpCaseActionsService } from './mp-case-actions.service';
import { MpCaseQueryService } from './mp-case-query.service';
import { MpCaseSubmitService } from './mp-case-submit.service';
import { MpCaseViews } from './mp-case-views';

const routes = mpCaseRoutes;

/** Submissions per resident per hour (a real resident files a few a month; this stops scripts). */
const SUBMIT_LIMIT = { name: 'case.mp.submit', limit: 20, windowSec: 3600 } as const;

/**
 * The resident's side of 随手拍 (any mini-program user): report a problem, see nearby reports to +1
 * instead of filing a duplicate, follow their own and followed cases, rate or dispute the result.
 * A resident only ever reads cases they filed or follow (anything else is 404).
 */
@ForPrincipal('mp')
@Controller('/')
export class MpCaseController {
  @Inject()
  ctx!: Context;

  @Inject()
  private query!: MpCaseQueryService;

  @Inject()
  private submitter!: MpCaseSubmitService;

  @Inject()
  private actions!: MpCaseActionsService;

  @Inject()
  private views!: MpCaseViews;

  private me() {
    return principalOf(this.ctx);
  }

  private async detailOf(caseId: string): Promise<{ data: MpCaseDetailVO }> {
    const { record } = await this.query.visible(this.me().id, caseId);
    return { data: await this.views.detail(record, this.me().id) };
  }

  @Api(routes.categories)
  async categories() {
    return { data: await this.query.activeCategories() };
  }

  @Api(routes.templates)
  async templates() {
    return { data: this.query.templates() };
  }

  @Api(routes.nearby)
  async nearby({ query }: RouteInput<typeof routes.nearby>) {
    return { data: await this.query.nearby(this.me().id, query) };
  }

  @Api(routes.submit)
  @RateLimit(SUBMIT_LIMIT)
  async submit({ body }: RouteInput<typeof routes.submit>) {
    const { record, created } = await this.submitter.submit(this.me(), body);
    // Not the route's status: HttpCode would be applied after the handler and hide the resend's 200.
    this.ctx.status = created ? 201 : 200;
    return { data: await this.views.detail(record, this.me().id) };
  }

  @Api(routes.list)
  async list({ query }: RouteInput<typeof routes.list>) {
    const { items, total } = await this.query.list(this.me().id, query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(routes.detail)
  async detail({ params }: RouteInput<typeof routes.detail>) {
    return this.detailOf(params.id);
  }

  @Api(routes.follow)
  async follow({ params }: RouteInput<typeof routes.follow>) {
    return { data: await this.actions.follow(this.me(), params.id) };
  }

  @Api(routes.unfollow)
  async unfollow({ params }: RouteInput<typeof routes.unfollow>) {
    return { data: await this.actions.unfollow(this.me(), params.id) };
  }

  @Api(routes.rate)
  async rate({ params, body }: RouteInput<typeof routes.rate>) {
    await this.actions.rate(this.me(), params.id, body.rating, body.comment);
    return this.detailOf(params.id);
  }

  @Api(routes.dispute)
  async dispute({ params, body }: RouteInput<typeof routes.dispute>) {
    await this.actions.dispute(this.me(), params.id, body.reason, body.photoIds);
    return this.detailOf(params.id);
  }

  @Api(routes.subscribe)
  async subscribe({ params, body }: RouteInput<typeof routes.subscribe>) {
    await this.actions.subscribe(this.me(), params.id, body.templateIds);
    return { data: { ok: true as const } };
  }
}
