import { openDataSource } from './data-source';

/** Applies pending migrations (or reverts the last one with `revert`); prints what it did. */
export async function migrate(direction: 'up' | 'revert' = 'up'): Promise<string[]> {
  const dataSource = await openDataSource();
  try {
    if (direction === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      return ['reverted the last migration'];
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
