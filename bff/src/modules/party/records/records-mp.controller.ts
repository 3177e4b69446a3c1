import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpPartyRecordRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { RecordsMpService } from './records-mp.service';

/** A member's published honours and appraisal results in the mini-program (party_member role). */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpPartyRecordsController {
  @Inject()
  ctx!: Context;

  @Inject()
  private records!: RecordsMpService;

  @Api(mpPartyRecordRoutes.honours)
  async honours({ query }: RouteInput<typeof mpPartyRecordRoutes.honours>) {
    const { items, total } = await this.records.honours(principalOf(this.ctx).id, query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(mpPartyRecordRoutes.appraisals)
  async appraisals() {
    return { data: await this.records.appraisalsOf(principalOf(this.ctx).id) };
  }
}
