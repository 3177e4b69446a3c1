// In-memory state of the simulated city operation platform (城市运行管理服务平台): events escalated
// by the town (one per case number) and the results its departments hand back.
import { GovCode, beijingIso } from './protocol';
import type { CityEvent, CityEventInput, CityResult, GovLocation } from './types';

type Reply = { code: GovCode; data?: unknown; message?: string };

const str = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.length > 0 && v.length <= max ? v : null;

const encodeCursor = (seq: number) => Buffer.from(`r:${seq}`).toString('base64url');
function decodeCursor(cursor: unknown): number | null {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  if (typeof cursor !== 'string') return null;
  const m = /^r:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

function parseLocation(v: unknown): GovLocation | null | undefined {
  if (v === null || v === undefined) return null;
  const loc = v as Partial<GovLocation>;
  if (
    typeof loc.lng !== 'number' ||
    typeof loc.lat !== 'number' ||
    (loc.coordType !== 'wgs84' && loc.coordType !== 'gcj02')
  )
    return undefined;
  return { lng: loc.lng, lat: loc.lat, coordType: loc.coordType };
}

function parseEvent(body: Record<string, unknown>): CityEventInput | string {
  const fields = {
    caseNo: str(body.caseNo, 32),
    title: str(body.title, 100),
    description: str(body.description, 1000),
    categoryCode: str(body.categoryCode, 32),
    categoryName: str(body.categoryName, 64),
    priority: str(body.priority, 16),
    reportedAt: str(body.reportedAt, 40),
    escalatedAt: str(body.escalatedAt, 40),
    reason: str(body.reason, 500),
    townName: str(body.townName, 64),
  };
  const missing = Object.entries(fields)
    .filter(([, v]) => v === null)
    .map(([k]) => k);
  if (missing.length) return `缺少或不合法的字段：${missing.join('、')}`;
  const location = parseLocation(body.location);
  if (location === undefined) return 'location 不合法';
  const address = body.address === null || body.address === undefined ? null : str(body.address, 200);
  return { ...(fields as { [K in keyof typeof fields]: string }), address, location };
}

export class CityState {
  private readonly byCaseNo = new Map<string, CityEvent>();
  private readonly results: { seq: number; result: CityResult }[] = [];
  private eventSeq = 0;
  createTotal = 0;
  createDuplicates = 0;

  constructor(private readonly now: () => number) {}

  events(): CityEvent[] {
    return [...this.byCaseNo.values()];
  }

  find(ref: string): CityEvent | undefined {
    return this.byCaseNo.get(ref) ?? this.events().find((e) => e.eventId === ref);
  }

  /** Idempotent by case number: an open event is returned as is; a finished one is reopened. */
  create(body: Record<string, unknown>): Reply {
    const input = parseEvent(body);
    if (typeof input === 'string') return { code: GovCode.BAD_REQUEST, message: input };
    this.createTotal += 1;
    const existing = this.byCaseNo.get(input.caseNo);
    if (existing && existing.status === 'OPEN') {
      this.createDuplicates += 1;
      return {
        code: GovCode.OK,
        data: { eventId: existing.eventId, caseNo: existing.caseNo, round: existing.round, duplicate: true },
      };
    }
    if (existing) {
      Object.assign(existing, input, {
        status: 'OPEN',
        round: existing.round + 1,
        result: null,
        handler: null,
        finishedAt: null,
      });
      return {
        code: GovCode.OK,
        data: { eventId: existing.eventId, caseNo: existing.caseNo, round: existing.round, duplicate: false },
      };
    }
    this.eventSeq += 1;
    const event: CityEvent = {
      ...input,
      eventId: `CS${beijingIso(this.now()).slice(0, 10).replace(/-/g, '')}${String(this.eventSeq).padStart(5, '0')}`,
      status: 'OPEN',
      round: 1,
      createdAt: beijingIso(this.now()),
      result: null,
      handler: null,
      finishedAt: null,
    };
    this.byCaseNo.set(event.caseNo, event);
    return { code: GovCode.OK, data: { eventId: event.eventId, caseNo: event.caseNo, round: 1, duplicate: false } };
  }

  finish(ref: string, result: string, handler: string): CityResult {
    const event = this.find(ref);
    if (!event) throw new Error(`city-sim: no event ${ref}`);
    if (event.status !== 'OPEN') throw new Error(`city-sim: event ${event.eventId} is already finished`);
    event.status = 'FINISHED';
    event.result = result;
    event.handler = handler;
    event.finishedAt = beijingIso(this.now());
    const out: CityResult = {
      eventId: event.eventId,
      caseNo: event.caseNo,
      round: event.round,
      result,
      handler,
      finishedAt: event.finishedAt,
    };
    this.results.push({ seq: this.results.length + 1, result: out });
    return out;
  }

  queryResults(body: Record<string, unknown>): Reply {
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
    const newer = this.results.filter((r) => r.seq > after);
    const page = newer.slice(0, pageSize);
    const last = page.length ? page[page.length - 1].seq : after;
    return {
      code: GovCode.OK,
      data: { results: page.map((r) => r.result), nextCursor: encodeCursor(last), hasMore: newer.length > page.length },
    };
  }
}
