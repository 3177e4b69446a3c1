import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { duesBillRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { AuditActorService } from '../../../core/audit';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { beijingYear } from './dues-time';
import { DuesArrearsService, ReminderTooSoon } from './arrears.service';
import { DuesBillActionsService } from './bill-actions.service';
import { DuesBillGenerationService } from './bill-generation.service';
import { DuesDeclarationService } from './declaration.service';
import { DuesScopeService } from './dues-scope.service';

/** The branch's dues work in the portal (dues:manage, party scope): bases, bills, arrears. */
@ForPrincipal('staff')
@Controller('/')
export class DuesBillsController {
  @Inject()
  ctx!: Context;

  @Inject()
  private declarations!: DuesDeclarationService;

  @Inject()
  private actions!: DuesBillActionsService;

  @Inject()
  private generation!: DuesBillGenerationService;

  @Inject()
  private arrears!: DuesArrearsService;

  @Inject()
  private scope!: DuesScopeService;

  @Inject()
  private audit!: AuditActorService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(duesBillRoutes.declarations)
  async declarationList({ query }: RouteInput<typeof duesBillRoutes.declarations>) {
    const year = query.year ?? beijingYear(new Date());
    const { items, total } = await this.declarations.list(this.acting(), query, year);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(duesBillRoutes.declare)
  async declare({ params, body }: RouteInput<typeof duesBillRoutes.declare>) {
    return { data: await this.declarations.declareByBranch(this.acting(), params.memberId, params.year, body) };
  }

  @Api(duesBillRoutes.bills)
  async bills({ query }: RouteInput<typeof duesBillRoutes.bills>) {
    const { items, total } = await this.actions.list(this.acting(), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(duesBillRoutes.generate)
  async generate({ body }: RouteInput<typeof duesBillRoutes.generate>) {
    const acting = this.acting();
    const result = await this.generation.generate(body.month, await this.scope.scopeOf(acting.actor));
    await this.audit.record(acting, {
      action: 'party.dues.bills.generate',
      resourceType: 'dues_bill',
      resourceId: body.month,
      result: 'success',
      detail: {
        created: result.created,
        existing: result.existing,
        missingDeclaration: result.missingDeclaration,
      },
    });
    return { data: result };
  }

  @Api(duesBillRoutes.special)
  async special({ body }: RouteInput<typeof duesBillRoutes.special>) {
    return { data: await this.actions.special(this.acting(), body) };
  }

  @Api(duesBillRoutes.cash)
  async cash({ params, body }: RouteInput<typeof duesBillRoutes.cash>) {
    return { data: await this.actions.recordPayment(this.acting(), params.id, { via: 'cash', ...body }) };
  }

  @Api(duesBillRoutes.proxy)
  async proxy({ params, body }: RouteInput<typeof duesBillRoutes.proxy>) {
    return { data: await this.actions.recordPayment(this.acting(), params.id, { via: 'proxy', ...body }) };
  }

  @Api(duesBillRoutes.waive)
  async waive({ params, body }: RouteInput<typeof duesBillRoutes.waive>) {
    return { data: await this.actions.waive(this.acting(), params.id, body) };
  }

  @Api(duesBillRoutes.arrears)
  async arrearsList({ query }: RouteInput<typeof duesBillRoutes.arrears>) {
    const { items, total } = await this.arrears.list(this.acting(), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(duesBillRoutes.remind)
  async remind({ params }: RouteInput<typeof duesBillRoutes.remind>) {
    try {
      return { data: await this.arrears.remind(this.acting(), params.memberId) };
    } catch (err) {
      // The 429 says when the next reminder is allowed, in the text and as Retry-After.
      if (err instanceof ReminderTooSoon) {
        const seconds = Math.max(1, Math.ceil((Date.parse(err.nextAllowedAt) - Date.now()) / 1000));
        this.ctx.set('Retry-After', String(seconds));
      }
      throw err;
    }
  }
}
