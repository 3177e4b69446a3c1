import type { ObjectLiteral, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts entities one statement each, in order, when the caller goes on to use the objects (their
 * ids as foreign keys). TypeORM's multi-row `insert([...])` reloads the generated columns of the new
 * rows (created_at…) with a SELECT that has no ORDER BY and merges row i into object i — on SQLite
 * the rows come back in another order and the objects' *primary keys* are swapped among them, so
 * `course.id` read after the insert may name another course (seen in the party school seed: lessons
 * attached to the wrong courses). A single-row insert has nothing to mix up.
 */
export async function insertEach<T extends ObjectLiteral>(
  repo: Repository<T>,
  entities: readonly QueryDeepPartialEntity<T>[],
): Promise<void> {
  for (const entity of entities) await repo.insert(entity);
}
