import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { wechatCallbackRoutes } from '@zhili/shared';
import { Public } from '../../core/auth/public.decorator';
import { Api } from '../../core/http/contract';
import { WechatPushService } from './wechat-push.service';

/**
 * WeChat's message push (开发管理 → 消息推送, JSON format, safe mode). Public: WeChat signs its
 * requests with the shared Token instead of a bearer token; the service verifies every one.
 * Answers are plain text, as WeChat expects ("success", or the echostr).
 */
@Public()
@Controller('/')
export class WechatPushController {
  @Inject()
  ctx!: Context;

  @Inject()
  private push!: WechatPushService;

  @Api(wechatCallbackRoutes.verify)
  async verify(): Promise<string> {
    const echostr = this.push.verifyUrl(this.ctx.query);
    this.ctx.type = 'text/plain';
    return echostr;
  }

  @Api(wechatCallbackRoutes.receive)
  async receive(): Promise<string> {
    await this.push.receive(this.ctx.query, this.ctx.request.body);
    this.ctx.type = 'text/plain';
    return 'success';
  }
}
