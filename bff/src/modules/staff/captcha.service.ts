import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { randomInt, randomUUID, timingSafeEqual } from 'crypto';
import svgCaptcha from 'svg-captcha';
import { InfraService } from '../../core/infra/infra.service';

/** svg-captcha's default export renders a given text; its typings only declare the helpers. */
type RenderCaptcha = (text: string, options: { width: number; height: number; noise: number; fontSize: number }) => string;
const render = svgCaptcha as unknown as RenderCaptcha;

// No look-alikes (0/o, 1/l/i): the text is read off a noisy image.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 4;
const TTL_SEC = 300;

const textKey = (id: string) => `auth:captcha:${id}`;
const usedKey = (id: string) => `auth:captcha_used:${id}`;

export interface Captcha {
  captchaId: string;
  /** SVG markup. */
  svg: string;
}

/**
 * Image captchas for the staff login, kept in the shared cache (so any BFF process can check them):
 * five minutes, single use, case-insensitive. The text comes from the CSPRNG rather than from
 * svg-captcha's own generator, which uses Math.random (predictable from observed outputs).
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
    return { captchaId, svg: render(text, { width: 120, height: 40, noise: 3, fontSize: 48 }) };
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
