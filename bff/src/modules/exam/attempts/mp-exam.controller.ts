import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpExamRoutes as R } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { RateLimit } from '../../../core/http/rate-limit';
import { MemberAccountService, type PartyMember } from '../../party';
import { PracticeService } from '../practice/practice.service';
import { AttemptService } from './attempt.service';
import { MemberExamsService } from './member-exams.service';

/** A member's exams, attempts, practice and wrong-answer book in the mini-program (party_member role). */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpExamController {
  @Inject()
  ctx!: Context;

  @Inject()
  private accounts!: MemberAccountService;

  @Inject()
  private exams!: MemberExamsService;

  @Inject()
  private attempts!: AttemptService;

  @Inject()
  private practice!: PracticeService;

  private member(): Promise<PartyMember> {
    return this.accounts.memberOf(principalOf(this.ctx).id);
  }

  @Api(R.list)
  async list() {
    return { data: await this.exams.list(await this.member()) };
  }

  @Api(R.get)
  async get({ params }: RouteInput<typeof R.get>) {
    return { data: await this.exams.get(await this.member(), params.id) };
  }

  @Api(R.start)
  @RateLimit({ name: 'exam.start', limit: 30, windowSec: 60 })
  async start({ params }: RouteInput<typeof R.start>) {
    return { data: await this.attempts.start(await this.member(), params.id) };
  }

  @Api(R.saveAnswer)
  @RateLimit({ name: 'exam.save', limit: 240, windowSec: 60 })
  async saveAnswer({ params, body }: RouteInput<typeof R.saveAnswer>) {
    return { data: await this.attempts.save(await this.member(), params.id, body.questionId, body.response) };
  }

  @Api(R.submit)
  async submit({ params }: RouteInput<typeof R.submit>) {
    return { data: await this.attempts.submit(await this.member(), params.id) };
  }

  @Api(R.result)
  async result({ params }: RouteInput<typeof R.result>) {
    return { data: await this.attempts.result(await this.member(), params.id) };
  }

  @Api(R.practiceCategories)
  async practiceCategories() {
    return { data: await this.practice.categories(await this.member()) };
  }

  @Api(R.practice)
  async practiceQuestions({ query }: RouteInput<typeof R.practice>) {
    return { data: await this.practice.questionsFor(await this.member(), query) };
  }

  @Api(R.practiceAnswer)
  @RateLimit({ name: 'exam.practice', limit: 240, windowSec: 60 })
  async practiceAnswer({ body }: RouteInput<typeof R.practiceAnswer>) {
    return { data: await this.practice.answer(await this.member(), body.questionId, body.response) };
  }

  @Api(R.wrongBook)
  async wrongBook({ query }: RouteInput<typeof R.wrongBook>) {
    const { items, total } = await this.practice.book(await this.member(), query.page, query.pageSize);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }
}
