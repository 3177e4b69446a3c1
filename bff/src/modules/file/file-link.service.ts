import { Config, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { createHmac, timingSafeEqual } from 'crypto';
import type { StoredFileVO } from '@zhili/shared';
import type { AppEnv } from '../../config/env';
import { deriveKey } from '../../core/auth/derived-keys';
import { AppError } from '../../core/errors/app-error';
import type { StoredFile } from './stored-file.entity';

/** How long a signed file link stays valid. */
export const FILE_LINK_TTL_SEC = 600;

/**
 * How long a link to a video stays valid: a player fetches the file in ranges while it plays, so the
 * link must outlive the lesson (lessons are at most 6 h; a pause longer than this needs a reload).
 */
export const VIDEO_LINK_TTL_SEC = 4 * 3600;

/**
 * Short-lived signed links to stored files (`/api/files/:id?exp=&sig=`): the link itself is the
 * permission, so `<img src>` and Taro `<Image>` work without an Authorization header. Whoever can
 * see the record a file is attached to gets a fresh link with the record; a leaked link dies in
 * 10 minutes.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class FileLinkService {
  @Config('zhili.env')
  private env!: Pick<AppEnv, 'JWT_SECRET'>;

  private key?: Buffer;

  private mac(id: string, exp: number): string {
    // Rotating JWT_SECRET invalidates outstanding links: harmless at a 10-minute lifetime.
    this.key ??= deriveKey(this.env.JWT_SECRET, 'file-link');
    return createHmac('sha256', this.key).update(`${id}\n${exp}`).digest('base64url');
  }

  /** A relative URL valid for `ttlSec` (FILE_LINK_TTL_SEC unless a video) from `now`. */
  url(id: string, now: Date = new Date(), ttlSec = FILE_LINK_TTL_SEC): string {
    const exp = Math.floor(now.getTime() / 1000) + ttlSec;
    return `/api/files/${encodeURIComponent(id)}?exp=${exp}&sig=${this.mac(id, exp)}`;
  }

  /**
   * Throws FILE_LINK_EXPIRED when the signature is wrong or the link has expired. `maxTtlSec` is the
   * longest life a link to this file may have been given (VIDEO_LINK_TTL_SEC for videos).
   */
  verify(
    id: string,
    exp: string | undefined,
    sig: string | undefined,
    now: Date = new Date(),
    maxTtlSec = FILE_LINK_TTL_SEC,
  ): void {
    const expSec = Number(exp);
    if (!sig || !exp || !/^\d{1,12}$/.test(exp) || expSec * 1000 <= now.getTime())
      throw new AppError('FILE_LINK_EXPIRED');
    // A link cannot live longer than the TTL, even if someone got a signature for a far expiry.
    if (expSec * 1000 > now.getTime() + (maxTtlSec + 60) * 1000) throw new AppError('FILE_LINK_EXPIRED');
    const expected = Buffer.from(this.mac(id, expSec));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('FILE_LINK_EXPIRED');
  }

  /** The wire shape of a stored file, with a fresh signed URL. */
  toVO(file: StoredFile, now: Date = new Date()): StoredFileVO {
    return { id: file.id, mime: file.mime, sizeBytes: file.sizeBytes, url: this.url(file.id, now) };
  }
}
