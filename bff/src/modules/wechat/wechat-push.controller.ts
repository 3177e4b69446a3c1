import { Controller, Get, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiOperation, ApiTags } from '@midwayjs/swagger';
import { Public } from '../../core/auth/public.decorator';
import { WechatPushService } from './wechat-push.service';

/**
 * WeChat's message push (开发管理 → 消息推送, JSON format, safe mode). Public: WeChat signs its
 * requests with the shared Token instead of a bearer token; the service verifies every one.
 * Answers are plain text, as WeChat expects ("success", or the echostr).
 */
@ApiTags('回调 · 微信')
@Public()
@Controller('/api/callbacks/wechat')
export class WechatPushController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private push!: WechatPushService;

  @Get('/')
  @ApiOperation({ summary: '消息推送 URL 校验：signature 正确时原样返回 echostr' })
  async verify(): Promise<string> {
    const echostr = this.push.verifyUrl(this.ctx.query);
    this.ctx.type = 'text/plain';
    return echostr;
  }

  @Post('/')
  @ApiOperation({ summary: '消息推送（JSON，安全模式）：校验 msg_signature、解密、防重放；wxa_media_check → 图片审核结果' })
  async receive(): Promise<string> {
    await this.push.receive(this.ctx.query, this.ctx.request.body);
    this.ctx.type = 'text/plain';
    return 'success';
  }
}
