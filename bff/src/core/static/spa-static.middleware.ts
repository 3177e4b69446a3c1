import type { Context, NextFunction } from '@midwayjs/koa';
import send from 'koa-send';
import { existsSync, statSync } from 'fs';
import { join } from 'path';
import { ErrorCode } from '@zhili/shared';
import { AppError } from '../errors/app-error';

export interface SpaMount {
  /** URL prefix without trailing slash, e.g. `/admin`. */
  prefix: string;
  /** Directory holding the built app (index.html + assets). */
  dir: string;
  /** Shown when the app has not been built yet. */
  buildHint: string;
}

/** Hashed asset names can be cached forever; index.html must be revalidated on every load. */
const IMMUTABLE_ASSET = /\.[0-9a-f]{8,}\.(js|css|png|jpg|svg|woff2?)$|\/assets\//;

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * The decoded path below the mount, or a 400 for what no file or client route can be: malformed
 * percent-encoding (decodeURIComponent throws URIError), `.`/`..` segments, NUL or backslashes.
 * Refused whether or not the target exists, so the answer reveals nothing about the file system.
 */
function relativePath(encoded: string): string {
  let relative: string;
  try {
    relative = decodeURIComponent(encoded);
  } catch {
    throw new AppError(ErrorCode.BAD_REQUEST, '请求路径编码无效');
  }
  if (/[\0\\]/.test(relative) || relative.split('/').some((s) => s === '..' || s === '.')) {
    throw new AppError(ErrorCode.BAD_REQUEST, '请求路径无效');
  }
  return relative;
}

/**
 * Serves built single-page apps under their prefix, falling back to index.html for client-side
 * routes. Only regular, non-hidden files inside the build are served; every other path gets the
 * app's index.html, so existing and missing files outside the build are indistinguishable.
 */
export function spaStatic(mounts: SpaMount[]) {
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const mount = mounts.find((m) => ctx.path === m.prefix || ctx.path.startsWith(`${m.prefix}/`));
    if (!mount || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    if (ctx.path === mount.prefix) return ctx.redirect(`${mount.prefix}/`);
    const relative = relativePath(ctx.path.slice(mount.prefix.length + 1));
    if (!existsSync(join(mount.dir, 'index.html'))) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = mount.buildHint;
      return;
    }
    const hidden = relative.split('/').some((s) => s.startsWith('.'));
    const asFile = relative !== '' && !hidden && !relative.endsWith('/') && isFile(join(mount.dir, relative));
    const target = asFile ? relative : 'index.html';
    await send(ctx as unknown as Parameters<typeof send>[0], target, {
      root: mount.dir,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', IMMUTABLE_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  };
}
