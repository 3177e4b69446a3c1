import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpPartyArchiveRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { ContactBookService } from './contact-book.service';

/** A member's contact book in the mini-program: their own branch only, phones masked. */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpPartyArchiveController {
  @Inject()
  ctx!: Context;

  @Inject()
  private contactBook!: ContactBookService;

  @Api(mpPartyArchiveRoutes.contacts)
  async contacts({ query }: RouteInput<typeof mpPartyArchiveRoutes.contacts>) {
    const { items, total } = await this.contactBook.forMember(principalOf(this.ctx).id, query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }
}
