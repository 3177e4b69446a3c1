import { TypeORMDataSourceManager } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { entities, migrations } from '../src/modules';
import { StaffService } from '../src/modules/staff';
import { StaffUser } from '../src/modules/staff/staff-user.entity';
import { MpUser } from '../src/modules/mp-user/mp-user.entity';
import { AuthSession } from '../src/core/auth/auth-session.entity';

const backend = currentBackend();
const MIGRATIONS_TABLE = 'migrations';

describe(`database migrations on ${backend.name}`, () => {
  let t: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await startTestApp(backend);
    dataSource = (await t.get(TypeORMDataSourceManager)).getDataSource('default');
  });
  afterAll(async () => {
    await t?.close();
  });

  /**
   * The SQL TypeORM would run to make the database match the entities; none when they agree. On
   * MariaDB this needs the `mariadb://` URL (TypeORM type 'mariadb'): with 'mysql' it misreads
   * MariaDB's NULL column defaults and reports phantom changes.
   */
  async function schemaDiff(): Promise<string[]> {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  }

  /** Tables of the connected database only (TypeORM's getTables() would list every schema on MySQL). */
  async function tableNames(): Promise<string[]> {
    const rows: { name: string }[] =
      dataSource.options.type === 'better-sqlite3'
        ? await dataSource.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
          )
        : await dataSource.query(
            'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
          );
    return rows.map((row) => row.name).sort();
  }

  async function executedMigrations(): Promise<string[]> {
    const rows: { name: string }[] = await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`);
    return rows.map((row) => row.name);
  }

  const ourTables = () => entities.map((entity) => dataSource.getMetadata(entity).tableName).sort();

  it('has run every migration at start', async () => {
    expect(await executedMigrations()).toEqual(migrations.map((m) => m.name));
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('leaves a schema that matches the entities exactly (migrations and entities agree)', async () => {
    expect(await schemaDiff()).toEqual([]);
  });

  it('enforces the unique keys: openid, staff username, refresh-token hash', async () => {
    const staff = dataSource.getRepository(StaffUser);
    const staffRow = (username: string) => ({
      id: randomUUID(),
      username,
      displayName: '唯一',
      passwordHash: 'x',
      roles: [],
    });
    await staff.insert(staffRow('uniq.staff'));
    await expect(staff.insert(staffRow('uniq.staff'))).rejects.toThrow();

    const users = dataSource.getRepository(MpUser);
    const userRow = () => ({
      id: randomUUID(),
      openid: 'o-uniq',
      unionid: null,
      nickname: 'n',
      avatarUrl: null,
      roles: [],
      lastLoginAt: null,
    });
    await users.insert(userRow());
    await expect(users.insert(userRow())).rejects.toThrow();

    const sessions = dataSource.getRepository(AuthSession);
    const sessionRow = () => ({
      id: randomUUID(),
      subjectKind: 'mp' as const,
      subjectId: randomUUID(),
      familyId: randomUUID(),
      tokenHash: 'h'.repeat(64),
      expiresAt: new Date(Date.now() + 60_000),
    });
    await sessions.insert(sessionRow());
    await expect(sessions.insert(sessionRow())).rejects.toThrow();
  });

  it('reverts every migration, leaving none of our tables, and runs them again to the same schema', async () => {
    expect(await tableNames()).toEqual([...ourTables(), MIGRATIONS_TABLE].sort());

    let guard = migrations.length + 1;
    while ((await executedMigrations()).length > 0) {
      if (--guard < 0) throw new Error('undoLastMigration does not make progress');
      await dataSource.undoLastMigration();
    }
    expect(await tableNames()).toEqual([MIGRATIONS_TABLE]);
    expect(await dataSource.showMigrations()).toBe(true);

    const ran = await dataSource.runMigrations();
    expect(ran.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    expect(await tableNames()).toEqual([...ourTables(), MIGRATIONS_TABLE].sort());
    expect(await schemaDiff()).toEqual([]);

    // The rebuilt schema works for the app.
    await (
      await t.get(StaffService)
    ).create({
      username: 'after.remigrate',
      displayName: '重建后',
      password: 'Correct-Horse-9',
      roles: ['community_admin'],
    });
    const login = await t
      .http()
      .post('/api/admin/auth/login')
      .send({ username: 'after.remigrate', password: 'Correct-Horse-9' });
    expect(login.status).toBe(200);
    expect(login.body.data.user.mustChangePassword).toBe(true);
  });
});
