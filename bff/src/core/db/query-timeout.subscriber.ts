import { EventSubscriberModel } from '@midwayjs/typeorm';
import type { AfterQueryEvent, EntitySubscriberInterface } from 'typeorm';

/** What we need of mysql2's pool connection behind a TypeORM MySQL query runner. */
interface DestroyableConnection {
  destroy(): void;
}

/**
 * Drops a MySQL connection whose query hit the client-side timeout (`DB_QUERY_TIMEOUT_MS`).
 * mysql2 fails the query but leaves it at the head of the connection's command queue, so the
 * connection would go back to the pool poisoned: every later query on it waits forever behind the
 * one that never got an answer (found: the first request after a stalled database recovered hung).
 * Destroying it makes the pool open a fresh one.
 */
// TypeORM builds only decorated subscribers, and through the Midway container (like the migrations).
@EventSubscriberModel()
export class QueryTimeoutSubscriber implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent<unknown>): void {
    if (event.success) return;
    const code = (event.error as { code?: unknown } | undefined)?.code;
    if (code !== 'PROTOCOL_SEQUENCE_TIMEOUT') return;
    const connection = (event.queryRunner as unknown as { databaseConnection?: DestroyableConnection })
      .databaseConnection;
    connection?.destroy();
  }
}
