import { randomUUID } from 'crypto';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { BoundaryGeometry, Role } from '@zhili/shared';
import { dataSourceOptions } from '../config/database';
import { Region } from '../modules/region/region.entity';
import { hashPassword } from '../modules/staff/password';
import { StaffUser } from '../modules/staff/staff-user.entity';
import { TOWN_CODE } from './plan';

/**
 * For `npm run bench -- registry` only (never reachable over HTTP): reads the seeded town and adds
 * the benchmark's own login. Lives in the BFF so it uses the same entities and password hashing.
 */

export interface BenchRegion {
  id: string;
  name: string;
  path: string;
  level: string;
  boundary: BoundaryGeometry | null;
}

export interface BenchTown {
  town: BenchRegion;
  regions: BenchRegion[];
}

/**
 * A staff account whose scope is the whole demo town, with a known password, no forced password
 * change and no MFA: role village_admin (person:read, no MFA by policy) bound to the town region.
 * town_admin would need TOTP enrolment and super_admin lacks person:read, so this is the smallest
 * account that can list every person of the town without a human in the loop.
 */
export async function prepareBenchTown(databaseUrl: string, username: string, password: string): Promise<BenchTown> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), migrationsRun: false });
  await dataSource.initialize();
  try {
    const town = await dataSource.getRepository(Region).findOneByOrFail({ code: TOWN_CODE, parentId: IsNull() });
    const role: Role = 'village_admin';
    await dataSource.getRepository(StaffUser).insert({
      id: randomUUID(),
      username,
      displayName: '基准测试',
      passwordHash: await hashPassword(password),
      roles: [role],
      grants: [],
      regionId: town.id,
      scopePath: town.path,
      status: 'active',
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      lastLoginAt: null,
    });
    const rows = await dataSource.getRepository(Region).find({
      where: { level: In(['grid', 'village', 'community']), boundary: Not(IsNull()) },
      select: { id: true, name: true, path: true, level: true, boundary: true },
    });
    const view = (r: Region): BenchRegion => ({
      id: r.id,
      name: r.name,
      path: r.path,
      level: r.level,
      boundary: r.boundary ? (JSON.parse(r.boundary) as BoundaryGeometry) : null,
    });
    return { town: view(town), regions: rows.map(view) };
  } finally {
    await dataSource.destroy();
  }
}
