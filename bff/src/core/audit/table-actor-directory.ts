import { In } from 'typeorm';
import type { FindOptionsSelect, FindOptionsWhere, Repository } from 'typeorm';
import type { AuditActorDirectory } from './audit-actor-directory';

/** How one account table names its rows as audit actors. */
export interface ActorTable<E extends { id: string }> {
  /** The `actorKind` ('staff', 'mp'). */
  kind: string;
  /** The property searched by the audit list's actor filter (its display name). */
  nameProperty: keyof E & string;
  /** Properties `displayName` reads. */
  reads: readonly (keyof E & string)[];
  /** The name shown for a row (a default for a blank one). */
  displayName(row: E): string;
  /** The property holding the login name stored beside the id in new records, for kinds that have one. */
  loginProperty?: keyof E & string;
}

/**
 * An audit actor directory over an account table: every kind of account answers the same three
 * questions (names of ids, ids of a name, login name) from its own table and columns.
 */
export function tableActorDirectory<E extends { id: string }>(
  repository: Repository<E>,
  table: ActorTable<E>,
): AuditActorDirectory {
  const selectOf = (properties: readonly string[]) =>
    Object.fromEntries(['id', ...properties].map((p) => [p, true])) as FindOptionsSelect<E>;
  const column = repository.metadata.findColumnWithPropertyName(table.nameProperty)?.databaseName;
  if (!column) throw new Error(`audit actors '${table.kind}': no column for ${table.nameProperty}`);
  const { loginProperty } = table;
  return {
    kind: table.kind,
    async displayNames(ids) {
      const rows = await repository.find({
        where: { id: In([...ids]) } as FindOptionsWhere<E>,
        select: selectOf(table.reads),
      });
      return new Map(rows.map((row) => [row.id, table.displayName(row)]));
    },
    async idsNamed(likePrefix, limit) {
      const rows = await repository
        .createQueryBuilder('a')
        .select('a.id', 'id')
        .where(`a.${column} LIKE :prefix ESCAPE '!'`, { prefix: likePrefix })
        .limit(limit)
        .getRawMany<{ id: string }>();
      return rows.map((r) => r.id);
    },
    ...(loginProperty && {
      async loginNameOf(id: string) {
        const row = await repository.findOne({
          where: { id } as FindOptionsWhere<E>,
          select: selectOf([loginProperty]),
        });
        const login = row?.[loginProperty];
        return typeof login === 'string' ? login : null;
      },
    }),
  };
}
