import type { MaybeRefOrGetter } from 'vue';

/**
 * `el-table` and `el-tree` hand their slots an untyped `row` / `data`. This reads it as an element
 * of the list the component was given — the type comes from that list, so a template states no
 * type of its own and cannot drift from the data:
 * `const member = rowReader(household.members)` → `member(row).name`.
 */
export function rowReader<T>(_data: MaybeRefOrGetter<readonly T[]>): (row: unknown) => T {
  return (row) => row as T;
}
