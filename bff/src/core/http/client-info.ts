import type { Context } from '@midwayjs/koa';
import type { ClientInfo } from '../auth/session.service';

/** Who is calling, for session records and (later) the audit log. */
export function clientInfo(ctx: Context): ClientInfo {
  return { ip: ctx.ip, userAgent: ctx.get('User-Agent') || undefined };
}
