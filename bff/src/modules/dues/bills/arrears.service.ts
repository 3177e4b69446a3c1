import { randomUUID } from 'crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  addMonths,
  arrearsOf,
  beijingMonth,
  nextReminderAllowedAt,
  type ArrearsState,
  type DuesArrearsRowVO,
} from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { DomainEvents } from '../../../core/events';
import { InfraService } from '../../../core/infra/infra.service';
import { applyPartyScope, PartyMember, PartyMemberAccount, type PartyScope } from '../../party';
import { DuesBill } from './dues-bill.entity';
import { DuesNamesService } from './dues-names.service';
import { DuesReminderEvent, DuesReminderPush } from './dues-reminder-push';
import { DuesReminder } from './dues-reminder.entity';
import { DuesScopeService } from './dues-scope.service';

const CHUNK = 500;
/** The streak never needs more history than this (the flag is at 6). */
const HISTORY_MONTHS = 36;
const REMIND_LOCK_MS = 10_000;

/** Beijing wall time `MM-DD HH:mm` for the refusal text. */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');

export interface MemberArrears extends ArrearsState {
  outstandingFen: number;
}

export const duesRemindersOff = () =>
  new AppError(
    'CONFLICT',
    '党费提醒未开启：系统还没有配置微信订阅消息模板（WECHAT_TMPL_DUES_REMINDER），请联系系统管理员',
  );

/** A reminder refused by the 7-day rule: 429 with when the next one is allowed. */
export class ReminderTooSoon extends AppError {
  constructor(readonly nextAllowedAt: string) {
    super('RATE_LIMITED', `7 天内已提醒过该党员，${beijing(nextAllowedAt)} 后可再次提醒`);
  }
}

/**
 * Arrears (欠缴): members with overdue unpaid monthly bills, their streak by the shared rule, the flag
 * at six months in a row (the 2008 rules' 自行脱党 review) and the reminders before it — by a
 * secretary from the list or by the monthly job, at most one per member per 7 days.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesArrearsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scope!: DuesScopeService;

  @Inject()
  private names!: DuesNamesService;

  @Inject()
  private events!: DomainEvents;

  @Inject()
  private push!: DuesReminderPush;

  @Inject()
  private infraService!: InfraService;

  @Inject()
  private audit!: AuditActorService;

  /** The arrears of these members at `now`, from their monthly bills. */
  async arrearsOf(memberIds: readonly string[], now: Date): Promise<Map<string, MemberArrears>> {
    const current = beijingMonth(now);
    const from = addMonths(current, -HISTORY_MONTHS);
    const bills = new Map<string, DuesBill[]>();
    for (let i = 0; i < memberIds.length; i += CHUNK) {
      const rows = await this.dataSource
        .getRepository(DuesBill)
        .createQueryBuilder('b')
        .select(['b.memberId', 'b.month', 'b.status', 'b.amountFen'])
        .where({ memberId: In(memberIds.slice(i, i + CHUNK)), kind: 'monthly' })
        .andWhere('b.month >= :from AND b.month < :current', { from, current })
        .getMany();
      for (const b of rows) bills.set(b.memberId, [...(bills.get(b.memberId) ?? []), b]);
    }
    const out = new Map<string, MemberArrears>();
    for (const id of memberIds) {
      const own = bills.get(id) ?? [];
      const state = arrearsOf(own, current);
      const outstandingFen = own
        .filter((b) => b.status === 'unpaid' || b.status === 'refunded')
        .reduce((sum, b) => sum + b.amountFen, 0);
      out.set(id, { ...state, outstandingFen });
    }
    return out;
  }

  /** Members with any overdue unpaid monthly bill, in the scope (narrowed to `within`). */
  private async membersInArrears(scope: PartyScope, now: Date, within?: string): Promise<PartyMember[]> {
    const qb = applyPartyScope(
      this.dataSource.getRepository(PartyMember).createQueryBuilder('m'),
      scope,
      'm.org_path',
      within,
    )
      .andWhere('m.status = :active', { active: 'active' })
      .andWhere(
        `EXISTS (SELECT 1 FROM dues_bill b WHERE b.member_id = m.id AND b.kind = 'monthly' AND b.month < :current AND b.status IN ('unpaid', 'refunded'))`,
        { current: beijingMonth(now) },
      );
    return qb.orderBy('m.id', 'ASC').getMany();
  }

  async lastReminded(memberIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < memberIds.length; i += CHUNK) {
      const rows = await this.dataSource
        .getRepository(DuesReminder)
        .createQueryBuilder('r')
        .select('r.member_id', 'memberId')
        .addSelect('MAX(r.sent_at)', 'sentAt')
        .where({ memberId: In(memberIds.slice(i, i + CHUNK)) })
        .groupBy('r.member_id')
        .getRawMany<{ memberId: string; sentAt: string }>();
      for (const r of rows) out.set(r.memberId, r.sentAt);
    }
    return out;
  }

  private async reachable(memberIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < memberIds.length; i += CHUNK) {
      const rows = await this.dataSource
        .getRepository(PartyMemberAccount)
        .findBy({ memberId: In(memberIds.slice(i, i + CHUNK)) });
      for (const r of rows) out.add(r.memberId);
    }
    return out;
  }

  async list(
    acting: Acting,
    q: { orgId?: string; flagged?: boolean; page: number; pageSize: number },
    now: Date = new Date(),
  ): Promise<{ items: DuesArrearsRowVO[]; total: number }> {
    const scope = await this.scope.scopeOf(acting.actor);
    const within = await this.scope.withinOf(q.orgId);
    const members = await this.membersInArrears(scope, now, within);
    const ids = members.map((m) => m.id);
    const arrears = await this.arrearsOf(ids, now);
    const rows = members
      .map((m) => ({ m, a: arrears.get(m.id)! }))
      .filter(({ a }) => (q.flagged === undefined ? true : a.flagged === q.flagged))
      .sort(
        (x, y) =>
          y.a.streak - x.a.streak || y.a.unpaidMonths.length - x.a.unpaidMonths.length || x.m.id.localeCompare(y.m.id),
      );
    const page = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const pageIds = page.map(({ m }) => m.id);
    const [names, orgs, last, linked] = await Promise.all([
      this.names.memberNames(pageIds),
      this.names.orgNames(page.map(({ m }) => m.orgId)),
      this.lastReminded(pageIds),
      this.reachable(pageIds),
    ]);
    const items = page.map(({ m, a }) => ({
      memberId: m.id,
      name: names.get(m.id) ?? '',
      orgId: m.orgId,
      orgName: orgs.get(m.orgId) ?? '',
      streak: a.streak,
      unpaidMonths: a.unpaidMonths,
      outstandingFen: a.outstandingFen,
      flagged: a.flagged,
      reminderDue: a.reminderDue,
      lastRemindedAt: last.get(m.id) ?? null,
      nextRemindAllowedAt: nextReminderAllowedAt(last.get(m.id) ?? null, now),
      reachable: linked.has(m.id),
    }));
    return { items, total: rows.length };
  }

  /** A secretary reminds one member in their scope (audited). */
  async remind(acting: Acting, memberId: string, now: Date = new Date()) {
    const scope = await this.scope.scopeOf(acting.actor);
    const member = await this.scope.memberInScope(scope, memberId);
    if (!this.push.enabled) throw duesRemindersOff();
    const a = (await this.arrearsOf([member.id], now)).get(member.id)!;
    if (a.unpaidMonths.length === 0) throw new AppError('CONFLICT', '该党员没有欠缴党费，无需提醒');
    if (!(await this.reachable([member.id])).has(member.id))
      throw new AppError('CONFLICT', '该党员未关联小程序账号，无法收到提醒');
    const sentAt = await this.send(member.id, a, { kind: 'staff', id: acting.actor.id }, now);
    await this.audit.record(acting, {
      action: 'party.dues.reminder.send',
      resourceType: 'party_member',
      resourceId: member.id,
      result: 'success',
      detail: { streak: a.streak, outstandingFen: a.outstandingFen },
    });
    return {
      sentAt,
      nextAllowedAt: nextReminderAllowedAt(sentAt, now) ?? sentAt,
      streak: a.streak,
      outstandingFen: a.outstandingFen,
    };
  }

  /**
   * Records a reminder and appends its push in one transaction, under the member's lock so two
   * secretaries (or a secretary and the job, on two workers) cannot both pass the 7-day rule.
   */
  private async send(
    memberId: string,
    a: MemberArrears,
    by: { kind: 'staff' | 'job'; id: string | null },
    now: Date,
  ): Promise<string> {
    const sentAt = now.toISOString();
    await this.infraService.infra.lock.withLock(`dues:remind:${memberId}`, REMIND_LOCK_MS, REMIND_LOCK_MS, async () => {
      const last = (await this.lastReminded([memberId])).get(memberId) ?? null;
      const next = nextReminderAllowedAt(last, now);
      if (next) throw new ReminderTooSoon(next);
      const reminderId = randomUUID();
      await this.dataSource.transaction(async (em) => {
        await em.getRepository(DuesReminder).insert({
          id: reminderId,
          memberId,
          sentAt,
          sentByKind: by.kind,
          sentBy: by.id,
          streak: a.streak,
          outstandingFen: a.outstandingFen,
        });
        await this.events.append(
          em,
          DuesReminderEvent,
          { reminderId, memberId, streak: a.streak, outstandingFen: a.outstandingFen },
          `dues:reminder:${reminderId}`,
        );
      });
    });
    this.events.kick();
    return sentAt;
  }

  /**
   * The monthly job: every member whose streak is 3–5 (before the flag) and who has not been
   * reminded this Beijing month gets one reminder. Returns how many were sent.
   */
  async remindDue(now: Date = new Date()): Promise<number> {
    if (!this.push.enabled) return 0;
    const members = await this.membersInArrears({ all: true }, now);
    const ids = members.map((m) => m.id);
    const [arrears, last, linked] = await Promise.all([
      this.arrearsOf(ids, now),
      this.lastReminded(ids),
      this.reachable(ids),
    ]);
    const month = beijingMonth(now);
    let sent = 0;
    for (const id of ids) {
      const a = arrears.get(id)!;
      const lastAt = last.get(id);
      if (!a.reminderDue || !linked.has(id) || (lastAt && beijingMonth(lastAt) === month)) continue;
      try {
        await this.send(id, a, { kind: 'job', id: null }, now);
        sent += 1;
      } catch (err) {
        if (!(err instanceof ReminderTooSoon)) throw err;
      }
    }
    return sent;
  }
}
