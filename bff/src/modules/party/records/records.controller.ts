import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { partyRecordRoutes as R } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { AppraisalService } from './appraisal.service';
import { HonourService } from './honour.service';
import { PlanService } from './plan.service';
import { PledgeService } from './pledge.service';

const page = (query: { page: number; pageSize: number }, total: number) => ({
  page: query.page,
  pageSize: query.pageSize,
  total,
});

/** Party records in the portal: honours and their workflow, plans and summaries, pledges, appraisals. */
@ForPrincipal('staff')
@Controller('/')
export class PartyRecordsController {
  @Inject()
  ctx!: Context;

  @Inject()
  private honours!: HonourService;

  @Inject()
  private plans!: PlanService;

  @Inject()
  private pledges!: PledgeService;

  @Inject()
  private appraisals!: AppraisalService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(R.honours)
  async honourList({ query }: RouteInput<typeof R.honours>) {
    const { items, total } = await this.honours.list(principalOf(this.ctx), query);
    return { data: items, page: page(query, total) };
  }

  @Api(R.createHonour)
  async createHonour({ body }: RouteInput<typeof R.createHonour>) {
    return { data: await this.honours.create(this.acting(), body) };
  }

  @Api(R.updateHonour)
  async updateHonour({ params, body }: RouteInput<typeof R.updateHonour>) {
    return { data: await this.honours.update(this.acting(), params.id, body) };
  }

  @Api(R.submitHonour)
  async submitHonour({ params }: RouteInput<typeof R.submitHonour>) {
    return { data: await this.honours.act(this.acting(), params.id, 'submit') };
  }

  @Api(R.reviewHonour)
  async reviewHonour({ params, body }: RouteInput<typeof R.reviewHonour>) {
    return { data: await this.honours.act(this.acting(), params.id, body.decision, body.reason || null) };
  }

  @Api(R.publishHonour)
  async publishHonour({ params }: RouteInput<typeof R.publishHonour>) {
    return { data: await this.honours.act(this.acting(), params.id, 'publish') };
  }

  @Api(R.plans)
  async planList({ query }: RouteInput<typeof R.plans>) {
    const { items, total } = await this.plans.list(principalOf(this.ctx), query);
    return { data: items, page: page(query, total) };
  }

  @Api(R.createPlan)
  async createPlan({ body }: RouteInput<typeof R.createPlan>) {
    return { data: await this.plans.create(this.acting(), body) };
  }

  @Api(R.updatePlan)
  async updatePlan({ params, body }: RouteInput<typeof R.updatePlan>) {
    return { data: await this.plans.update(this.acting(), params.id, body) };
  }

  @Api(R.deletePlan)
  async deletePlan({ params }: RouteInput<typeof R.deletePlan>) {
    await this.plans.remove(this.acting(), params.id);
  }

  @Api(R.pledges)
  async pledgeList({ query }: RouteInput<typeof R.pledges>) {
    const { items, total } = await this.pledges.list(principalOf(this.ctx), query);
    return { data: items, page: page(query, total) };
  }

  @Api(R.createPledge)
  async createPledge({ body }: RouteInput<typeof R.createPledge>) {
    return { data: await this.pledges.create(this.acting(), body) };
  }

  @Api(R.updatePledge)
  async updatePledge({ params, body }: RouteInput<typeof R.updatePledge>) {
    return { data: await this.pledges.update(this.acting(), params.id, body.text) };
  }

  @Api(R.fulfilPledge)
  async fulfilPledge({ params, body }: RouteInput<typeof R.fulfilPledge>) {
    return { data: await this.pledges.fulfil(this.acting(), params.id, body) };
  }

  @Api(R.appraisals)
  async appraisalList({ query }: RouteInput<typeof R.appraisals>) {
    const { items, total } = await this.appraisals.list(principalOf(this.ctx), query);
    return { data: items, page: page(query, total) };
  }

  @Api(R.createAppraisal)
  async createAppraisal({ body }: RouteInput<typeof R.createAppraisal>) {
    return { data: await this.appraisals.create(this.acting(), body) };
  }

  @Api(R.updateAppraisal)
  async updateAppraisal({ params, body }: RouteInput<typeof R.updateAppraisal>) {
    return { data: await this.appraisals.update(this.acting(), params.id, body) };
  }

  @Api(R.publishAppraisal)
  async publishAppraisal({ params }: RouteInput<typeof R.publishAppraisal>) {
    return { data: await this.appraisals.publish(this.acting(), params.id) };
  }
}
