import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { maskPhone, normalizeMobile } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import { PiiCipher } from '../../core/crypto/pii-cipher';
import { StaffContact } from './staff-contact.entity';

/** Encrypted phone numbers of staff accounts: sealed on write, masked on every ordinary read. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffContactService {
  @InjectEntityModel(StaffContact)
  private contacts!: Repository<StaffContact>;

  @Inject()
  private cipher!: PiiCipher;

  /** The normalized mainland mobile, or a field error the admin form can show. */
  static normalize(raw: string): string {
    const phone = normalizeMobile(raw);
    if (!phone) throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'phone', message: '请输入有效的手机号' }]);
    return phone;
  }

  /** Sets (or with null clears) the phone of an account. */
  async setPhone(staffId: string, phone: string | null): Promise<void> {
    const sealed = this.cipher.seal(phone);
    const existing = await this.contacts.findOneBy({ staffId });
    if (existing) await this.contacts.update({ staffId }, { phone: sealed });
    else if (phone !== null) await this.contacts.insert({ staffId, phone: sealed });
  }

  /** Unmasked phone: only for the audited PII route. */
  async phone(staffId: string): Promise<string | null> {
    const contact = await this.contacts.findOneBy({ staffId });
    return contact ? this.cipher.open(contact.phone) : null;
  }

  /** Masked phones of many accounts at once (list views). */
  async maskedPhones(staffIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(staffIds)];
    const rows = ids.length ? await this.contacts.findBy({ staffId: In(ids) }) : [];
    const masked = new Map<string, string>();
    for (const row of rows) {
      const phone = this.cipher.open(row.phone);
      if (phone) masked.set(row.staffId, maskPhone(phone));
    }
    return masked;
  }
}
