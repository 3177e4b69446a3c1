import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #12 item 2: the outbox carries typed domain events, one row per subscriber (topic = the
 * subscriber's name, dedupe key = event key + subscriber name, payload = the whole event). Rows
 * written before the deploy and not delivered yet (`pending`, or `failed` awaiting a manual retry)
 * are rewritten into that shape here, so a deploy loses no message. Delivered and dropped rows stay
 * as they were (history). Everything this migration needs is written out in it, so it means the
 * same forever: the old topics, the new subscriber names, the payload of `case.event_appended`.
 *
 * A row whose case or timeline event cannot be found is left alone; the new handler refuses its old
 * payload, which drops it with the reason recorded (as the old handlers did for a missing case). A
 * row whose event was already fanned out under the new key is marked `dropped` as superseded (no
 * handler would ever take its old topic again).
 */
const CASE_TOPICS: Record<string, string> = {
  'realtime.case': 'case.realtime.changed',
  'realtime.task': 'case.realtime.task',
  'wechat.subscribe': 'wechat.subscribe.case',
  'gov.hotline.status': 'gov.hotline.status',
  'gov.city.escalate': 'gov.city.escalate',
};
const HOTLINE_ACK = 'gov.hotline.ack';
const OLD_TOPICS = [...Object.keys(CASE_TOPICS), HOTLINE_ACK];

type Row = Record<string, unknown>;

interface OutboxRow {
  id: string;
  topic: string;
  dedupeKey: string;
  payload: Row;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function json(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

const objectOf = (value: unknown): Row => {
  const parsed = json(value);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Row) : {};
};

/** The timeline seq of an old case row: in the payload, else in its key `case:<id>:ev:<seq>:…`. */
export function oldCaseSeq(row: OutboxRow): number | null {
  const seq = row.payload.seq;
  if (typeof seq === 'number' && Number.isInteger(seq)) return seq;
  const match = /^case:[^:]+:ev:(\d+):/.exec(row.dedupeKey);
  return match ? Number(match[1]) : null;
}

/** `case.event_appended` as the workflow appends it, rebuilt from the case and the event rows. */
export function caseEventAppendedFrom(record: Row, event: Row, seq: number, oldPayload: Row): Row {
  const fromStatus = text(event.from_status);
  const toStatus = text(event.to_status) ?? text(record.status);
  const data = objectOf(event.data);
  const templates = json(record.subscribed_templates);
  // The old task row named the worker it was dispatched to; others take the case's assignee.
  const kind = text(oldPayload.kind) ?? text(record.assignee_kind);
  const id = text(oldPayload.userId) ?? text(record.assignee_id);
  return {
    caseId: text(record.id),
    caseNo: text(record.no),
    seq,
    type: text(event.type),
    fromStatus,
    toStatus,
    statusChanged: fromStatus !== null && fromStatus !== toStatus,
    level: text(data.level),
    reporterKind: text(record.reporter_kind),
    subscribedTemplates: Array.isArray(templates) ? templates.filter((t): t is string => typeof t === 'string') : [],
    assignee: kind && id ? { kind, id } : null,
    externalSystem: text(record.external_system),
  };
}

const OLD_MOMENTS: Record<string, string> = { accept: 'accepted', dispatch: 'dispatched', resolve: 'resolved' };

/** The row the code before domain events wrote for this subscriber's row (null: not one of those). */
export function oldRowOf(topic: string, payload: Row): Omit<OutboxRow, 'id'> | null {
  const caseId = text(payload.caseId);
  if (!caseId) return null;
  if (topic === HOTLINE_ACK) {
    const orderNo = text(payload.orderNo);
    return orderNo ? { topic, dedupeKey: `hotline:${orderNo}:ack`, payload: { caseId } } : null;
  }
  const seq = payload.seq;
  const type = text(payload.type);
  if (typeof seq !== 'number' || !type) return null;
  const key = `case:${caseId}:ev:${seq}`;
  const assignee = objectOf(payload.assignee);
  switch (topic) {
    case 'case.realtime.changed':
      return { topic: 'realtime.case', dedupeKey: `${key}:rt`, payload: { caseId, seq, type } };
    case 'case.realtime.task':
      return {
        topic: 'realtime.task',
        dedupeKey: `${key}:task`,
        payload: { caseId, kind: assignee.kind, userId: assignee.id },
      };
    case 'wechat.subscribe.case': {
      const template = OLD_MOMENTS[type];
      return template
        ? {
            topic: 'wechat.subscribe',
            dedupeKey: `case:${caseId}:sub:${template}:${seq}`,
            payload: { caseId, template, seq },
          }
        : null;
    }
    case 'gov.hotline.status':
      return { topic, dedupeKey: `${key}:hotline`, payload: { caseId, seq } };
    case 'gov.city.escalate':
      return { topic, dedupeKey: `${key}:city`, payload: { caseId, seq } };
    default:
      return null;
  }
}

@Provide()
@Scope(ScopeEnum.Singleton)
export class DomainEventTopics1764200100000 implements MigrationInterface {
  name = 'DomainEventTopics1764200100000';

  async up(q: QueryRunner): Promise<void> {
    const marks = OLD_TOPICS.map(() => '?').join(', ');
    const rows: Row[] = await q.query(
      `SELECT id, topic, dedupe_key, payload FROM outbox_message WHERE status IN ('pending', 'failed') AND topic IN (${marks})`,
      OLD_TOPICS,
    );
    for (const raw of rows) {
      const row: OutboxRow = {
        id: String(raw.id),
        topic: String(raw.topic),
        dedupeKey: String(raw.dedupe_key),
        payload: objectOf(raw.payload),
      };
      // Same-named gov topics: a row already in the new shape (written after the code changed) stays.
      if ('caseNo' in row.payload || 'orderNo' in row.payload) continue;
      const next = row.topic === HOTLINE_ACK ? await this.ackRow(q, row) : await this.caseRow(q, row);
      if (!next) continue;
      const [taken]: Row[] = await q.query('SELECT id FROM outbox_message WHERE dedupe_key = ?', [next.dedupeKey]);
      if (taken) {
        await q.query("UPDATE outbox_message SET status = 'dropped', last_error = ? WHERE id = ?", [
          `superseded by ${next.dedupeKey}`.slice(0, 500),
          row.id,
        ]);
        continue;
      }
      await q.query('UPDATE outbox_message SET topic = ?, dedupe_key = ?, payload = ? WHERE id = ?', [
        next.topic,
        next.dedupeKey,
        JSON.stringify(next.payload),
        row.id,
      ]);
    }
  }

  private async caseRow(q: QueryRunner, row: OutboxRow): Promise<Omit<OutboxRow, 'id'> | null> {
    const caseId = text(row.payload.caseId);
    const seq = oldCaseSeq(row);
    if (!caseId || seq === null) return null;
    const [record]: Row[] = await q.query('SELECT * FROM case_record WHERE id = ?', [caseId]);
    const [event]: Row[] = await q.query('SELECT * FROM case_event WHERE case_id = ? AND seq = ?', [caseId, seq]);
    if (!record || !event) return null;
    const topic = CASE_TOPICS[row.topic];
    return {
      topic,
      dedupeKey: `case:${caseId}:ev:${seq}:${topic}`,
      payload: caseEventAppendedFrom(record, event, seq, row.payload),
    };
  }

  /** `{ caseId }` → `gov.hotline_order_received` `{ caseId, orderNo }`, keyed by the order number. */
  private async ackRow(q: QueryRunner, row: OutboxRow): Promise<Omit<OutboxRow, 'id'> | null> {
    const caseId = text(row.payload.caseId);
    if (!caseId) return null;
    const [record]: Row[] = await q.query('SELECT * FROM case_record WHERE id = ?', [caseId]);
    const orderNo = record ? text(record.external_id) : null;
    if (!orderNo) return null;
    return { topic: HOTLINE_ACK, dedupeKey: `hotline:${orderNo}:${HOTLINE_ACK}`, payload: { caseId, orderNo } };
  }

  /** Back to the old topics and payloads, for a rollback to the code before domain events. */
  async down(q: QueryRunner): Promise<void> {
    const topics = [...Object.values(CASE_TOPICS), HOTLINE_ACK];
    const rows: Row[] = await q.query(
      `SELECT id, topic, payload FROM outbox_message WHERE status IN ('pending', 'failed') AND topic IN (${topics.map(() => '?').join(', ')})`,
      topics,
    );
    for (const raw of rows) {
      const old = oldRowOf(String(raw.topic), objectOf(raw.payload));
      if (!old) continue;
      await q.query('UPDATE outbox_message SET topic = ?, dedupe_key = ?, payload = ? WHERE id = ?', [
        old.topic,
        old.dedupeKey,
        JSON.stringify(old.payload),
        raw.id,
      ]);
    }
  }
}
