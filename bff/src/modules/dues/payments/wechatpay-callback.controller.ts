import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { wechatPayCallbackRoutes } from '@zhili/shared';
import { Public } from '../../../core/auth/public.decorator';
import { AppError } from '../../../core/errors/app-error';
import { Api } from '../../../core/http/contract';
import { PaymentNotificationService } from './payment-notification.service';
import { WechatPayProvider } from './wechat-pay.provider';
import { sendAnswer } from './notification-answers';

/**
 * WeChat Pay's payment notification. No session: the signature over the raw body is the
 * authentication (checked before anything is parsed). The answer is WeChat Pay's own format, not our
 * envelope: 204 without a body, or 4xx/5xx with {"code":"FAIL","message":"…"} so it retries.
 */
@Public()
@Controller('/')
export class WechatPayCallbackController {
  @Inject()
  ctx!: Context;

  @Inject()
  private notifications!: PaymentNotificationService;

  @Inject()
  private wechatPay!: WechatPayProvider;

  @Api(wechatPayCallbackRoutes.payment)
  async payment(): Promise<undefined> {
    // Payments off: there is no merchant, so there is no callback (as for an unconfigured gov connector).
    if (!this.wechatPay.enabled) throw new AppError('NOT_FOUND');
    const raw = (this.ctx.request as { rawBody?: string }).rawBody ?? '';
    return sendAnswer(this.ctx, await this.notifications.receive(this.ctx.headers, raw));
  }
}
