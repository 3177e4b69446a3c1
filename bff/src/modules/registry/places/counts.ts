import type { DataSource } from 'typeorm';

/**
 * `SELECT col, COUNT(*) FROM table WHERE col IN (ids) GROUP BY col` as a map (missing ids = 0). One
 * query per list page instead of one per row; MariaDB answers COUNT as a string, hence Number().
 */
export async function countBy(
  dataSource: DataSource,
  table: string,
  column: string,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await dataSource
    .createQueryBuilder()
    .select(`t.${column}`, 'k')
    .addSelect('COUNT(*)', 'n')
    .from(table, 't')
    .where(`t.${column} IN (:...ids)`, { ids: unique })
    .groupBy(`t.${column}`)
    .getRawMany<{ k: string; n: number | string }>();
  return new Map(rows.map((r) => [r.k, Number(r.n)]));
}

/** Whether any row of `table` has `column = id` (for the "still in use" refusals of deletes). */
export async function exists(dataSource: DataSource, table: string, column: string, id: string): Promise<boolean> {
  const row = await dataSource
    .createQueryBuilder()
    .select('1', 'one')
    .from(table, 't')
    .where(`t.${column} = :id`, { id })
    .limit(1)
    .getRawOne();
  return row !== undefined;
}
