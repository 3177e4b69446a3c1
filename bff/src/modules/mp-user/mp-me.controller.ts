import { Body, Controller, Get, Inject, Patch } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { MpProfileUpdateDTO, MpProfileVO } from './mp-user.dto';
import { MpUserService } from './mp-user.service';

@ApiTags('小程序 · 我的')
@ApiBearerAuth()
@ForPrincipal('mp')
@Controller('/api/mp')
export class MpMeController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private service!: MpUserService;

  @Get('/me')
  @ApiOperation({ summary: '当前用户资料' })
  @ApiResponse({ status: 200, type: MpProfileVO })
  async me(): Promise<ApiSuccess<MpProfileVO>> {
    return { data: await this.service.profile(principalOf(this.ctx).id) };
  }

  @Patch('/me')
  @ApiOperation({ summary: '修改昵称或头像' })
  @ApiResponse({ status: 200, type: MpProfileVO })
  async update(@Body() body: MpProfileUpdateDTO): Promise<ApiSuccess<MpProfileVO>> {
    return { data: await this.service.updateProfile(principalOf(this.ctx).id, body) };
  }
}
