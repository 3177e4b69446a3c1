import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { maskPhone, normalizeMobile } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import type { Principal } from '../../core/auth/principal';
import type { ClientInfo } from '../../core/auth/session.service';
import { PiiCipher } from '../../core/crypto/pii-cipher';
import { InfraService } from '../../core/infra/infra.service';
import { AuditService } from '../../core/audit';
import { WechatApiError, WechatClient } from '../wechat';
import type { PhoneInfo } from '../wechat';
import { MpUser } from './mp-user.entity';
import type { MpProfileVO } from '@zhili/shared';
import { MpUserService } from './mp-user.service';

/**
 * WeChat errcodes that, on getuserphonenumber, mean "this phone code is no good" (unknown, expired,
 * used, another app's, missing). The shared errcode map turns 40029 into WECHAT_CODE_INVALID (a
 * login problem, 401), which would make the client re-login; here it is the user's tap that
 * expired, so we answer 400 WECHAT_PHONE_CODE_INVALID and the client simply asks again.
 */
const PHONE_CODE_ERRCODES = new Set([40029, 40163, 41008]);

/** WeChat's getPhoneNumber is billed per call and codes come from taps: a person needs few. */
const PHONE_BIND_LIMIT = { name: 'mp.phone-bind', limit: 10, windowSec: 3600 };

/** Binding the WeChat-verified phone number to a mini-program user. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpPhoneService {
  @InjectEntityModel(MpUser)
  private users!: Repository<MpUser>;

  @Inject()
  private wechat!: WechatClient;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private profiles!: MpUserService;

  @Inject()
  private infraService!: InfraService;

  @Inject()
  private audit!: AuditService;

  async bind(principal: Principal, code: string, client: ClientInfo): Promise<MpProfileVO> {
    if ((await this.infraService.infra.rateLimiter(PHONE_BIND_LIMIT).consume(principal.id)).limited)
      throw new AppError('RATE_LIMITED');
    const user = await this.profiles.get(principal.id);
    const phone = mainlandMobile(await this.phoneFromWechat(code));
    user.phone = this.cipher.seal(phone);
    await this.users.update({ id: user.id }, { phone: user.phone });
    await this.audit.record({
      actor: principal,
      client,
      action: 'mp.phone.bind',
      resourceType: 'mp_user',
      resourceId: user.id,
      result: 'success',
      detail: { phone: maskPhone(phone) },
    });
    return this.profiles.view(user);
  }

  private async phoneFromWechat(code: string): Promise<PhoneInfo> {
    try {
      return await this.wechat.getPhoneNumber(code);
    } catch (err) {
      if (err instanceof WechatApiError && err.errcode !== null && PHONE_CODE_ERRCODES.has(err.errcode)) {
        throw new AppError('WECHAT_PHONE_CODE_INVALID');
      }
      throw err;
    }
  }
}

/** Only mainland numbers (the registry and SMS notices assume them); anything else is refused. */
function mainlandMobile(info: PhoneInfo): string {
  const phone = String(info.countryCode) === '86' ? normalizeMobile(info.purePhoneNumber) : null;
  if (!phone) {
    throw new AppError('VALIDATION_FAILED', '仅支持绑定中国大陆手机号', [
      { field: 'code', message: '该微信绑定的不是中国大陆手机号' },
    ]);
  }
  return phone;
}
