import { Config, ILogger, Init, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { AppError } from '../../../core/errors/app-error';
import type { DuesEnv } from '../dues.config';
import { WechatPayClient } from '../pay/wechat-pay.client';
import { wechatPaySettingsFrom } from '../pay/wechat-pay.settings';

/** Why a member cannot pay online: said plainly, never a fake success. */
export const PAYMENTS_OFF_MESSAGE = '暂未开通微信支付，请联系支部缴纳';

/**
 * The one WeChat Pay client of the process, built at start from the module's environment (key files
 * read once). No WECHATPAY_* variable set: payments are off and every payment route answers 503 with
 * PAYMENTS_OFF_MESSAGE. An incomplete or inconsistent set, or an unreadable key file, stops the start.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class WechatPayProvider {
  @Config('zhili.modules.dues')
  private env!: DuesEnv;

  /** The mini-program's appid: the default merchant appid when WECHATPAY_APPID is unset. */
  @Config('zhili.modules.wechat')
  private wechatEnv!: { WECHAT_APPID?: string };

  @Logger()
  private logger!: ILogger;

  private built: WechatPayClient | null = null;

  @Init()
  init(): void {
    const settings = wechatPaySettingsFrom({ ...this.env, WECHAT_APPID: this.wechatEnv?.WECHAT_APPID });
    this.built = settings ? new WechatPayClient(settings) : null;
    this.logger.info(
      settings
        ? `[dues] WeChat Pay on: mchid ${settings.mchid}, ${settings.publicKey ? 'public-key' : 'platform-certificate'} mode`
        : '[dues] WeChat Pay off (no WECHATPAY_* set): members pay their branch',
    );
  }

  get enabled(): boolean {
    return this.built !== null;
  }

  /** The client; 503 with PAYMENTS_OFF_MESSAGE when payments are off. */
  client(): WechatPayClient {
    if (!this.built) throw new AppError('SERVICE_UNAVAILABLE', PAYMENTS_OFF_MESSAGE);
    return this.built;
  }
}
