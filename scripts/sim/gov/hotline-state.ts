// In-memory state of the simulated 12345 platform: work orders with a change feed, receipts and
// the status updates reported back by the town.
import { randomBytes } from 'node:crypto';
import { GovCode, beijingIso } from './protocol';
import {
  HOTLINE_STATUS_CODES,
  type AckEntry,
  type HotlineOrder,
  type HotlineStatusCode,
  type HotlineStatusUpdate,
  type NewHotlineOrder,
  type StatusLogEntry,
} from './types';

type Reply = { code: GovCode; data?: unknown; message?: string };

const str = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.length > 0 && v.length <= max ? v : null;
const optStr = (v: unknown, max: number): string | null | undefined =>
  v === null || v === undefined ? null : (str(v, max) ?? undefined);

/** Cursor = the change sequence already seen, base64url-wrapped so callers treat it as opaque. */
const encodeCursor = (seq: number) => Buffer.from(`c:${seq}`).toString('base64url');
function decodeCursor(cursor: unknown): number | null {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  if (typeof cursor !== 'string') return null;
  const m = /^c:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

export const HOTLINE_STATUS_NAMES: Record<HotlineStatusCode, string> = {
  ASSIGNED: '已派发',
  ACCEPTED: '已受理',
  DISPATCHED: '已派单',
  PROCESSING: '办理中',
  RETURNED: '退回重派',
  TRANSFERRED: '已转办',
  ESCALATED: '已上报',
  RESOLVED: '已办结',
  DISPUTED: '群众不满意',
  REOPENED: '重新办理',
  CLOSED: '已归档',
  REJECTED: '已退单',
  MERGED: '已并案',
};

export class HotlineState {
  private readonly byNo = new Map<string, { order: HotlineOrder; changeSeq: number; lastSeq: number }>();
  private changeSeq = 0;
  private orderSeq = 0;
  private readonly prefix: string;
  readonly statusLog: StatusLogEntry[] = [];
  readonly acks: AckEntry[] = [];
  private readonly seenUpdates = new Set<string>();
  duplicates = 0;

  constructor(private readonly now: () => number) {
    // Order numbers must not repeat across simulator restarts against a kept database.
    this.prefix = `RX${beijingIso(now()).slice(0, 10).replace(/-/g, '')}${randomBytes(2).toString('hex').toUpperCase()}`;
  }

  create(input: NewHotlineOrder): HotlineOrder {
    this.orderSeq += 1;
    this.changeSeq += 1;
    const at = beijingIso(this.now());
    const order: HotlineOrder = {
      orderNo: `${this.prefix}${String(this.orderSeq).padStart(4, '0')}`,
      title: input.title ?? '市民来电反映问题',
      content: input.content ?? '市民来电反映：小区门口路灯不亮已有一周，夜间出行不便，请尽快处理。',
      categoryCode: input.categoryCode ?? '0102',
      categoryName: input.categoryName ?? '路灯照明',
      urgency: input.urgency ?? 1,
      callerName: input.callerName === undefined ? '王女士' : input.callerName,
      callerPhone: input.callerPhone === undefined ? '13800138000' : input.callerPhone,
      address: input.address === undefined ? null : input.address,
      location: input.location ?? null,
      status: 'ASSIGNED',
      deadline: input.deadline ?? null,
      createdAt: at,
      updatedAt: at,
    };
    this.byNo.set(order.orderNo, { order, changeSeq: this.changeSeq, lastSeq: 0 });
    return order;
  }

  orders(): HotlineOrder[] {
    return [...this.byNo.values()].map((e) => e.order);
  }

  get(orderNo: string): HotlineOrder | undefined {
    return this.byNo.get(orderNo)?.order;
  }

  query(body: Record<string, unknown>): Reply {
    const after = decodeCursor(body.cursor);
    const pageSize = body.pageSize === undefined ? 50 : body.pageSize;
    if (
      after === null ||
      typeof pageSize !== 'number' ||
      !Number.isInteger(pageSize) ||
      pageSize < 1 ||
      pageSize > 100
    ) {
      return { code: GovCode.BAD_REQUEST, message: 'cursor 或 pageSize 不合法' };
    }
    const changed = [...this.byNo.values()]
      .filter((e) => e.changeSeq > after)
      .sort((a, b) => a.changeSeq - b.changeSeq);
    const page = changed.slice(0, pageSize);
    const last = page.length ? page[page.length - 1].changeSeq : after;
    return {
      code: GovCode.OK,
      data: { orders: page.map((e) => e.order), nextCursor: encodeCursor(last), hasMore: changed.length > page.length },
    };
  }

  ack(body: Record<string, unknown>): Reply {
    const orderNo = str(body.orderNo, 32);
    const caseNo = str(body.caseNo, 32);
    const receivedAt = str(body.receivedAt, 40);
    if (!orderNo || !caseNo || !receivedAt)
      return { code: GovCode.BAD_REQUEST, message: 'orderNo、caseNo、receivedAt 必填' };
    if (!this.byNo.has(orderNo)) return { code: GovCode.NOT_FOUND };
    const duplicate = this.acks.some((a) => a.orderNo === orderNo);
    if (!duplicate) this.acks.push({ orderNo, caseNo, receivedAt, ackedAt: this.now() });
    return { code: GovCode.OK, data: { orderNo, acknowledged: true, duplicate } };
  }

  reportStatus(body: Record<string, unknown>): Reply {
    const update = parseUpdate(body);
    if (typeof update === 'string') return { code: GovCode.BAD_REQUEST, message: update };
    const entry = this.byNo.get(update.orderNo);
    if (!entry) return { code: GovCode.NOT_FOUND };
    const key = `${update.orderNo}#${update.seq}`;
    if (this.seenUpdates.has(key)) {
      this.duplicates += 1;
      return { code: GovCode.OK, data: { orderNo: update.orderNo, seq: update.seq, duplicate: true } };
    }
    this.seenUpdates.add(key);
    this.statusLog.push({ ...update, receivedAt: this.now() });
    // Updates may arrive out of order after retries: the highest seq is the current status.
    if (update.seq > entry.lastSeq) {
      entry.lastSeq = update.seq;
      entry.order.status = update.status;
    }
    return { code: GovCode.OK, data: { orderNo: update.orderNo, seq: update.seq, duplicate: false } };
  }
}

function parseUpdate(body: Record<string, unknown>): HotlineStatusUpdate | string {
  const orderNo = str(body.orderNo, 32);
  const caseNo = str(body.caseNo, 32);
  const occurredAt = str(body.occurredAt, 40);
  const operator = str(body.operator, 64);
  const status = HOTLINE_STATUS_CODES.find((s) => s === body.status);
  const seq = body.seq;
  if (!orderNo || !caseNo || !occurredAt || !operator) return 'orderNo、caseNo、occurredAt、operator 必填';
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) return 'seq 必须是正整数';
  if (!status || status === 'ASSIGNED') return `未知的状态 ${String(body.status)}`;
  const note = optStr(body.note, 500);
  const reason = optStr(body.reason, 500);
  const result = optStr(body.result, 500);
  const outcome = optStr(body.outcome, 32);
  if (note === undefined || reason === undefined || result === undefined || outcome === undefined)
    return 'note/reason/result/outcome 格式不合法';
  if (status === 'RESOLVED' && !result) return '办结必须填写办理结果 result';
  if ((status === 'REJECTED' || status === 'RETURNED') && !reason) return '退单/退回必须填写原因 reason';
  const statusName = typeof body.statusName === 'string' ? body.statusName : HOTLINE_STATUS_NAMES[status];
  return { orderNo, seq, status, statusName, caseNo, occurredAt, operator, note, reason, result, outcome };
}
