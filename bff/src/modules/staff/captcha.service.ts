import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { randomInt, randomUUID, timingSafeEqual } from 'crypto';
import { InfraService } from '../../core/infra/infra.service';
import { renderCaptchaPng } from './captcha-image';

// No look-alikes (0/o, 1/l/i, q/g/9): the text is read off a warped, noisy image.
const ALPHABET = 'abcdefghjkmnprstuvwxyz2345678';
const LENGTH = 4;
const TTL_SEC = 300;

const textKey = (id: string) => `auth:captcha:${id}`;
const usedKey = (id: string) => `auth:captcha_used:${id}`;

export interface Captcha {
  captchaId: string;
  /** The image as a `data:image/png;base64,…` URL (the text itself is never sent). */
  image: string;
}

/**
 * Image captchas for the staff login, kept in the shared cache (so any BFF process can check them):
 * five minutes, single use, case-insensitive. The text comes from the CSPRNG; the image is a
 * randomly distorted raster (captcha-image.ts). The captcha only slows automated guessing once an
 * account or IP has failed 3 times; the lockout and the per-IP rate limit are the real controls.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaptchaService {
  @Inject()
  private infraService!: InfraService;

  async create(): Promise<Captcha> {
    const text = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const captchaId = randomUUID();
    await this.infraService.infra.cache.set(textKey(captchaId), text, TTL_SEC);
    const png = await renderCaptchaPng(text);
    return { captchaId, image: `data:image/png;base64,${png.toString('base64')}` };
  }

  /**
   * True only for the first answer to a live captcha that matches. Every answer spends the captcha:
   * the "used" marker is set atomically, so two concurrent answers cannot both be checked.
   */
  async consume(captchaId: string, answer: string): Promise<boolean> {
    const cache = this.infraService.infra.cache;
    if (!(await cache.setIfAbsent(usedKey(captchaId), '1', TTL_SEC))) return false;
    const expected = await cache.get(textKey(captchaId));
    await cache.del(textKey(captchaId));
    if (expected === null) return false;
    const given = Buffer.from(answer.trim().toLowerCase(), 'utf8');
    const wanted = Buffer.from(expected, 'utf8');
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
}
