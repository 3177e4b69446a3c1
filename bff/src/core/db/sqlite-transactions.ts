import { AsyncLocalStorage } from 'async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's better-sqlite3 driver has ONE connection and one query runner for the whole process,
 * so two overlapping `dataSource.transaction()` calls share it: the second BEGIN fails ("cannot start
 * a transaction within a transaction") or its statements land inside the first transaction. On the
 * embedded default this queues the root manager's transactions, as a connection pool would make them
 * wait on MySQL. Reentrant: a transaction opened from inside another one (same async context) runs at
 * once and becomes a savepoint, instead of waiting for itself.
 */
export function serializeSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const manager = dataSource.manager;
  if ((manager as { serialized?: boolean }).serialized) return;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const holder = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    if (holder.getStore()) return original(...args);
    const turn = tail.then(() => holder.run(true, () => original(...args)));
    tail = turn.catch(() => undefined);
    return turn;
  }) as EntityManager['transaction'];
  Object.assign(manager, { serialized: true });
}
