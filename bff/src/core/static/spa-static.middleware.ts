import type { Context, NextFunction } from '@midwayjs/koa';
import send from 'koa-send';
import { existsSync } from 'fs';
import { join } from 'path';

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

/**
 * Serves built single-page apps under their prefix, falling back to index.html for client-side
 * routes. koa-send rejects path traversal and hidden files.
 */
export function spaStatic(mounts: SpaMount[]) {
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const mount = mounts.find((m) => ctx.path === m.prefix || ctx.path.startsWith(`${m.prefix}/`));
    if (!mount || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    if (ctx.path === mount.prefix) return ctx.redirect(`${mount.prefix}/`);
    if (!existsSync(join(mount.dir, 'index.html'))) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = mount.buildHint;
      return;
    }
    const relative = decodeURIComponent(ctx.path.slice(mount.prefix.length + 1));
    const asFile = relative && existsSync(join(mount.dir, relative)) && !relative.endsWith('/');
    const target = asFile ? relative : 'index.html';
    await send(ctx as unknown as Parameters<typeof send>[0], target, {
      root: mount.dir,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', IMMUTABLE_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  };
}
