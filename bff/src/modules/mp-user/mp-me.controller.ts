import { Body, Controller, Get, Inject, Patch, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { clientInfo } from '../../core/http/client-info';
import { MpPhoneBindDTO, MpProfileUpdateDTO, MpProfileVO } from './mp-user.dto';
import { MpPhoneService } from './mp-phone.service';
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

  @Inject()
  private phones!: MpPhoneService;

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

  @Post('/me/phone')
  @ApiOperation({ summary: '绑定手机号：用 getPhoneNumber 按钮的 code 向微信换取并加密保存，返回脱敏手机号' })
  @ApiResponse({ status: 200, type: MpProfileVO })
  async bindPhone(@Body() body: MpPhoneBindDTO): Promise<ApiSuccess<MpProfileVO>> {
    return { data: await this.phones.bind(principalOf(this.ctx), body.code, clientInfo(this.ctx)) };
  }
}
