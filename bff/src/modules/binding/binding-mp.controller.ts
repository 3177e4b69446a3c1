import { Body, Controller, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { clientInfo } from '../../core/http/client-info';
import { BindingRedeemDTO, BindingRedeemVO } from './binding.dto';
import { BindingRedeemService } from './binding-redeem.service';

@ApiTags('小程序 · 身份绑定')
@ApiBearerAuth()
@ForPrincipal('mp')
@Controller('/api/mp/bindings')
export class BindingMpController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private service!: BindingRedeemService;

  @Post('/redeem')
  @ApiOperation({ summary: '使用身份绑定码：获得网格员/党员身份，并返回带新身份的令牌' })
  @ApiResponse({ status: 200, type: BindingRedeemVO })
  async redeem(@Body() body: BindingRedeemDTO): Promise<ApiSuccess<BindingRedeemVO>> {
    return { data: await this.service.redeem(principalOf(this.ctx), body.code, clientInfo(this.ctx)) };
  }
}
