import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { timestampColumns } from '../migration-helpers';

/**
 * Issue #11, security item 1: a binding code's region belongs to the role it grants. Until now every
 * redeemed code overwrote `mp_user.region_id/scope_path`, so a grid worker who redeemed a party
 * member code for another village (or the town) got that region as registry scope. This adds one
 * grant per user and role (`mp_role_grant`) and repairs existing users (see backfillRoleGrants).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpRoleGrants1764100000000 implements MigrationInterface {
  name = 'MpRoleGrants1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'mp_role_grant',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'role', type: 'varchar', length: '32', isPrimary: true },
          { name: 'region_id', type: 'varchar', length: '36' },
          { name: 'scope_path', type: 'varchar', length: '255' },
          { name: 'binding_code_id', type: 'varchar', length: '36', isNullable: true },
          ...timestampColumns(q, false),
        ],
        indices: [new TableIndex({ name: 'idx_mp_role_grant_scope_path', columnNames: ['scope_path'] })],
      }),
    );
    await backfillRoleGrants(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('mp_role_grant');
  }
}

/**
 * The rules as they stood when this migration was written (kept here, not imported, so the migration
 * never changes behaviour when the live rules do): the levels a grant's region may have.
 */
const GRANT_LEVELS: Record<string, readonly string[]> = {
  grid_worker: ['grid'],
  party_member: ['town', 'community', 'village'],
};

interface RegionRow {
  id: string;
  path: string;
  level: string;
}

interface Grant {
  role: string;
  region: RegionRow;
  bindingCodeId: string | null;
}

/**
 * One grant per held binding role, from the latest code of that role the user redeemed (its region's
 * current path); without such a code (seeded users) the user's present region, if its level fits
 * the role. Then `mp_user.region_id/scope_path` becomes the grid worker grant's grid, or nothing:
 * a grid worker whose region a party code had moved gets their grid back, and party members lose the
 * registry scope they should never have had. Idempotent: existing grants are left alone.
 */
export async function backfillRoleGrants(q: QueryRunner): Promise<void> {
  const users = (await q.query(
    "SELECT id, roles, region_id AS regionId FROM mp_user WHERE roles LIKE '%grid_worker%' OR roles LIKE '%party_member%'",
  )) as { id: string; roles: string; regionId: string | null }[];
  if (users.length === 0) return;
  const regions = new Map(((await q.query('SELECT id, path, level FROM region')) as RegionRow[]).map((r) => [r.id, r]));
  const codes = (await q.query(
    'SELECT id, role, region_id AS regionId, redeemed_by AS userId FROM binding_code WHERE redeemed_at IS NOT NULL ORDER BY redeemed_at ASC, id ASC',
  )) as { id: string; role: string; regionId: string; userId: string }[];
  const latestCode = new Map<string, { id: string; regionId: string }>();
  for (const c of codes) latestCode.set(`${c.userId}|${c.role}`, c);
  const existing = new Set(
    ((await q.query('SELECT user_id AS userId, role FROM mp_role_grant')) as { userId: string; role: string }[]).map(
      (g) => `${g.userId}|${g.role}`,
    ),
  );

  for (const user of users) {
    const roles = parseRoles(user.roles);
    let gridOfWorker: RegionRow | null = null;
    for (const role of Object.keys(GRANT_LEVELS).filter((r) => roles.includes(r))) {
      const grant = grantFor(user.id, role, user.regionId, latestCode, regions);
      if (role === 'grid_worker') gridOfWorker = grant?.region ?? null;
      if (!grant || existing.has(`${user.id}|${role}`)) continue;
      await q.query(
        'INSERT INTO mp_role_grant (user_id, role, region_id, scope_path, binding_code_id) VALUES (?, ?, ?, ?, ?)',
        [user.id, role, grant.region.id, grant.region.path, grant.bindingCodeId],
      );
    }
    await q.query('UPDATE mp_user SET region_id = ?, scope_path = ? WHERE id = ?', [
      gridOfWorker?.id ?? null,
      gridOfWorker?.path ?? null,
      user.id,
    ]);
  }
}

function grantFor(
  userId: string,
  role: string,
  currentRegionId: string | null,
  latestCode: Map<string, { id: string; regionId: string }>,
  regions: Map<string, RegionRow>,
): Grant | null {
  const fits = (region: RegionRow | undefined): region is RegionRow =>
    Boolean(region && GRANT_LEVELS[role].includes(region.level));
  const code = latestCode.get(`${userId}|${role}`);
  const fromCode = code ? regions.get(code.regionId) : undefined;
  if (code && fits(fromCode)) return { role, region: fromCode, bindingCodeId: code.id };
  const current = currentRegionId ? regions.get(currentRegionId) : undefined;
  return fits(current) ? { role, region: current, bindingCodeId: null } : null;
}

function parseRoles(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
