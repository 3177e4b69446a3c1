import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { duesRefundCallbackRoutes } from '@zhili/shared';
import { Public } from '../../../core/auth/public.decorator';
import { AppError } from '../../../core/errors/app-error';
import { Api } from '../../../core/http/contract';
import { WechatPayProvider } from '../payments/wechat-pay.provider';
import { RefundNotificationService } from './refund-notification.service';
import { sendAnswer } from '../payments/notification-answers';

/**
 * WeChat Pay's refund notification. No session: the signature over the raw body is the authentication.
 * WeChat Pay's answer format: 204 without a body, or 4xx/5xx {"code":"FAIL","message":"…"} to be retried.
 */
@Public()
@Controller('/')
export class RefundCallbackController {
  @Inject()
  ctx!: Context;

  @Inject()
  private notifications!: RefundNotificationService;

  @Inject()
  private wechatPay!: WechatPayProvider;

  @Api(duesRefundCallbackRoutes.refund)
  async refund(): Promise<undefined> {
    // Payments off: there is no merchant, so there is no callback (as for an unconfigured gov connector).
    if (!this.wechatPay.enabled) throw new AppError('NOT_FOUND');
    const raw = (this.ctx.request as { rawBody?: string }).rawBody ?? '';
    return sendAnswer(this.ctx, await this.notifications.receive(this.ctx.headers, raw));
  }
}
