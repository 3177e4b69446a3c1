import { DataSource } from 'typeorm';
import { serializeSqliteTransactions } from './sqlite-transactions';

/**
 * The embedded database has one connection: two requests that each open a transaction at the same
 * time must both commit, each seeing only its own writes, and a nested transaction must not wait
 * for itself.
 */
describe('serializeSqliteTransactions', () => {
  let ds: DataSource;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

  beforeEach(async () => {
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    await ds.query('CREATE TABLE item (owner TEXT NOT NULL, n INTEGER NOT NULL)');
  });
  afterEach(() => ds.destroy());

  /** Two writers interleaving at every await; one of them fails half-way and must leave nothing. */
  const race = () =>
    Promise.allSettled(
      ['a', 'b'].map((owner) =>
        ds.transaction(async (m) => {
          await m.query('INSERT INTO item (owner, n) VALUES (?, 1)', [owner]);
          await pause();
          await m.query('INSERT INTO item (owner, n) VALUES (?, 2)', [owner]);
          if (owner === 'b') throw new Error('b changes its mind');
        }),
      ),
    );

  it('lets concurrent transactions commit or roll back independently', async () => {
    serializeSqliteTransactions(ds);
    const [a, b] = await race();
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    expect(await ds.query('SELECT owner, n FROM item ORDER BY owner, n')).toEqual([
      { owner: 'a', n: 1 },
      { owner: 'a', n: 2 },
    ]);
  });

  it('is what makes the difference: unserialised, the same race corrupts the outcome', async () => {
    const [a, b] = await race();
    const rows = (await ds.query('SELECT owner FROM item')) as { owner: string }[];
    const clean =
      a.status === 'fulfilled' && b.status === 'rejected' && rows.every((r) => r.owner === 'a') && rows.length === 2;
    expect(clean).toBe(false);
  });

  it('runs a transaction opened inside another at once (as a savepoint)', async () => {
    serializeSqliteTransactions(ds);
    await ds.transaction(async (m) => {
      await m.query("INSERT INTO item (owner, n) VALUES ('outer', 1)");
      await ds.transaction((inner) => inner.query("INSERT INTO item (owner, n) VALUES ('inner', 1)"));
    });
    expect(await ds.query('SELECT COUNT(*) AS c FROM item')).toEqual([{ c: 2 }]);
  });
});
