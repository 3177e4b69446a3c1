import Database from 'better-sqlite3';
import { prefixCondition } from './data-scope';

/**
 * The subtree condition runs as written against a real SQLite: it must select exactly the prefix's
 * subtree and be answerable from the scope_path index (SQLite's case-insensitive LIKE alone is not).
 */
describe('prefixCondition', () => {
  const db = new Database(':memory:');
  db.exec(
    'CREATE TABLE person (id TEXT PRIMARY KEY, scope_path TEXT NOT NULL); CREATE INDEX idx_person_scope_path ON person (scope_path);',
  );
  const insert = db.prepare('INSERT INTO person (id, scope_path) VALUES (?, ?)');
  const rows: [string, string][] = [
    ['village', '/t/v/'],
    ['grid', '/t/v/g1/'],
    ['deep', '/t/v/g1/x/'],
    ['sibling-longer-name', '/t/v2/'],
    ['sibling-after-slash', '/t/v0/'],
    ['upper-case', '/t/V/g1/'],
    ['wildcard-lookalike', '/t/v_/'],
    ['other-town', '/u/v/'],
  ];
  for (const row of rows) insert.run(...row);
  afterAll(() => db.close());

  const select = (prefix: string) => {
    const [sql, params] = prefixCondition('scope_path', prefix, 'scope', true);
    return (db.prepare(`SELECT id FROM person WHERE ${sql} ORDER BY id`).all(params) as { id: string }[]).map(
      (r) => r.id,
    );
  };

  it('selects the node and its descendants only', () => {
    expect(select('/t/v/')).toEqual(['deep', 'grid', 'village']);
    expect(select('/t/v/g1/')).toEqual(['deep', 'grid']);
    expect(select('/t/')).toEqual([
      'deep',
      'grid',
      'sibling-after-slash',
      'sibling-longer-name',
      'upper-case',
      'village',
      'wildcard-lookalike',
    ]);
  });

  it('treats LIKE wildcards in a prefix literally', () => {
    expect(select('/t/v_/')).toEqual(['wildcard-lookalike']);
  });

  it('is answered by an index range on scope_path', () => {
    const [sql, params] = prefixCondition('scope_path', '/t/v/', 'scope', true);
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM person WHERE ${sql}`).all(params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/USING (COVERING )?INDEX idx_person_scope_path \(scope_path>\? AND scope_path<\?\)/);
  });
});

describe('prefixCondition on names', () => {
  it('finds names by prefix through an index range, CJK and rare characters included', () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE TABLE person (id TEXT PRIMARY KEY, name TEXT NOT NULL); CREATE INDEX idx_person_name ON person (name);',
    );
    const insert = db.prepare('INSERT INTO person (id, name) VALUES (?, ?)');
    for (const [id, name] of [
      ['1', '张三'],
      ['2', '张'],
      ['3', '弡某'],
      ['4', '章三'],
      ['5', '𠀀一'],
      ['6', '𠀁二'],
    ])
      insert.run(id, name);
    const ids = (prefix: string) => {
      const [sql, params] = prefixCondition('name', prefix, 'n', true);
      return (db.prepare(`SELECT id FROM person WHERE ${sql} ORDER BY id`).all(params) as { id: string }[]).map(
        (r) => r.id,
      );
    };
    expect(ids('张')).toEqual(['1', '2']);
    expect(ids('张三')).toEqual(['1']);
    expect(ids('𠀀')).toEqual(['5']);
    const [sql, params] = prefixCondition('name', '张', 'n', true);
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM person WHERE ${sql}`).all(params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/INDEX idx_person_name \(name>\? AND name<\?\)/);
    db.close();
  });
});
