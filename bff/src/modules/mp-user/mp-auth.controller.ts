import { Body, Controller, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess, TokenPair } from '@zhili/shared';
import { Public } from '../../core/auth/public.decorator';
import { RefreshDTO, TokenPairVO } from '../../core/auth/token.dto';
import { clientInfo } from '../../core/http/client-info';
import { MP_LOGIN_LIMIT, RateLimit } from '../../core/http/rate-limit';
import { MpLoginDTO, MpLoginVO } from './mp-user.dto';
import { MpUserService } from './mp-user.service';

@ApiTags('小程序 · 登录')
@Controller('/api/mp/auth')
export class MpAuthController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private service!: MpUserService;

  @Public()
  @Post('/login')
  @RateLimit(MP_LOGIN_LIMIT)
  @ApiOperation({ summary: '微信登录：用 wx.login 的 code 换取访问令牌' })
  @ApiResponse({ status: 200, type: MpLoginVO })
  async login(@Body() body: MpLoginDTO): Promise<ApiSuccess<MpLoginVO>> {
    return { data: await this.service.login(body.code, body.nickname, clientInfo(this.ctx)) };
  }

  @Public()
  @Post('/refresh')
  @ApiOperation({ summary: '刷新令牌（refreshToken 一次性使用，重复使用将注销该会话族）' })
  @ApiResponse({ status: 200, type: TokenPairVO })
  async refresh(@Body() body: RefreshDTO): Promise<ApiSuccess<TokenPair>> {
    return { data: await this.service.refresh(body.refreshToken, clientInfo(this.ctx)) };
  }
}
