import { Body, Controller, Get, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess, TokenPair } from '@zhili/shared';
import { ForPrincipal, Public } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RefreshDTO, TokenPairVO } from '../../core/auth/token.dto';
import { clientInfo } from '../../core/http/client-info';
import { StaffLoginDTO, StaffLoginVO, StaffProfileVO } from './staff.dto';
import { StaffService } from './staff.service';

@ApiTags('管理端 · 登录')
@ForPrincipal('staff')
@Controller('/api/admin')
export class StaffAuthController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private service!: StaffService;

  @Public()
  @Post('/auth/login')
  @ApiOperation({ summary: '工作人员用户名密码登录' })
  @ApiResponse({ status: 200, type: StaffLoginVO })
  async login(@Body() body: StaffLoginDTO): Promise<ApiSuccess<StaffLoginVO>> {
    return { data: await this.service.login(body.username, body.password, clientInfo(this.ctx)) };
  }

  @Public()
  @Post('/auth/refresh')
  @ApiOperation({ summary: '刷新令牌' })
  @ApiResponse({ status: 200, type: TokenPairVO })
  async refresh(@Body() body: RefreshDTO): Promise<ApiSuccess<TokenPair>> {
    return { data: await this.service.refresh(body.refreshToken, clientInfo(this.ctx)) };
  }

  @ApiBearerAuth()
  @Get('/me')
  @ApiOperation({ summary: '当前工作人员资料' })
  @ApiResponse({ status: 200, type: StaffProfileVO })
  async me(): Promise<ApiSuccess<StaffProfileVO>> {
    return { data: await this.service.profile(principalOf(this.ctx).id) };
  }
}
