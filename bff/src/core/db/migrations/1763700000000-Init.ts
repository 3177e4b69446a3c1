import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { booleanType, timestampColumns, unique } from '../migration-helpers';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };

/** Users of both front doors and their refresh-token sessions. Portable across SQLite and MySQL. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Init1763700000000 implements MigrationInterface {
  name = 'Init1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'mp_user',
        columns: [
          id,
          { name: 'openid', type: 'varchar', length: '64' },
          { name: 'unionid', type: 'varchar', length: '64', isNullable: true },
          { name: 'nickname', type: 'varchar', length: '32' },
          { name: 'avatar_url', type: 'varchar', length: '512', isNullable: true },
          { name: 'roles', type: 'text' },
          { name: 'last_login_at', type: 'datetime', isNullable: true },
          ...timestampColumns(q, true),
        ],
        indices: [unique('mp_user', 'openid')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff_user',
        columns: [
          id,
          { name: 'username', type: 'varchar', length: '32' },
          { name: 'display_name', type: 'varchar', length: '32' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'roles', type: 'text' },
          { name: 'status', type: 'varchar', length: '16', default: "'active'" },
          { name: 'must_change_password', ...booleanType(q), default: 1 },
          { name: 'last_login_at', type: 'datetime', isNullable: true },
          ...timestampColumns(q, true),
        ],
        indices: [unique('staff_user', 'username')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'auth_session',
        columns: [
          id,
          { name: 'subject_kind', type: 'varchar', length: '8' },
          { name: 'subject_id', type: 'varchar', length: '36' },
          { name: 'family_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'expires_at', type: 'datetime' },
          { name: 'rotated_at', type: 'datetime', isNullable: true },
          { name: 'revoked_at', type: 'datetime', isNullable: true },
          { name: 'user_agent', type: 'varchar', length: '255', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          ...timestampColumns(q, false),
        ],
        indices: [unique('auth_session', 'token_hash')],
      }),
    );
    await q.createIndex(
      'auth_session',
      new TableIndex({ name: 'idx_auth_session_subject', columnNames: ['subject_kind', 'subject_id'] }),
    );
    await q.createIndex(
      'auth_session',
      new TableIndex({ name: 'idx_auth_session_family', columnNames: ['family_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('auth_session');
    await q.dropTable('staff_user');
    await q.dropTable('mp_user');
  }
}
