import { randomBytes, randomUUID } from 'crypto';
import { IsNull } from 'typeorm';
import type { DataSource } from 'typeorm';
import { isRole, Role } from '@zhili/shared';
import { MpUser } from '../modules/mp-user/mp-user.entity';
import { Region, RegionLevel } from '../modules/region/region.entity';
import { StaffUser } from '../modules/staff/staff-user.entity';
import { hashPassword } from '../modules/staff/password';
import { openDataSource } from './data-source';

export interface SeedMpUser {
  openid: string;
  nickname: string;
  roles: Role[];
}

export interface SeedOptions {
  /** Password of the `admin` account when it is created; random when omitted. */
  adminPassword?: string;
  /** Mini-program users to pre-create (e.g. the simulator's demo identities with their roles). */
  mpUsers?: SeedMpUser[];
}

export interface SeedResult {
  adminCreated: boolean;
  /** Only set when the admin account was created by this run: shown once, never stored in clear. */
  adminPassword?: string;
  mpUsersCreated: number;
}

/** A random password that satisfies the #3 policy classes (upper, lower, digit, symbol). */
export function randomAdminPassword(): string {
  return `Zl-${randomBytes(9).toString('base64url')}7a!`;
}

interface DemoRegion {
  name: string;
  level: RegionLevel;
  children?: DemoRegion[];
}

/** A tiny town so scopes, bindings and users have somewhere to live (#4 brings the full demo town). */
const DEMO_TOWN: DemoRegion = {
  name: '示范镇',
  level: 'town',
  children: [
    { name: '幸福村', level: 'village', children: [{ name: '幸福村第一网格', level: 'grid' }, { name: '幸福村第二网格', level: 'grid' }] },
    { name: '阳光社区', level: 'community', children: [{ name: '阳光社区第一网格', level: 'grid' }] },
  ],
};

async function insertRegion(dataSource: DataSource, node: DemoRegion, parent: Region | null): Promise<Region> {
  const id = randomUUID();
  const region = dataSource.getRepository(Region).create({
    id,
    name: node.name,
    level: node.level,
    code: null,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
  });
  await dataSource.getRepository(Region).insert(region);
  for (const child of node.children ?? []) await insertRegion(dataSource, child, region);
  return region;
}

/** The demo town's root, created on first run. */
async function ensureDemoTown(dataSource: DataSource): Promise<Region> {
  const existing = await dataSource.getRepository(Region).findOneBy({ level: 'town', parentId: IsNull() });
  return existing ?? insertRegion(dataSource, DEMO_TOWN, null);
}

/** The small demo seed behind `npm start`. Idempotent: existing accounts are left alone. */
export async function seed(dataSource: DataSource, options: SeedOptions = {}): Promise<SeedResult> {
  const staff = dataSource.getRepository(StaffUser);
  const result: SeedResult = { adminCreated: false, mpUsersCreated: 0 };
  const town = await ensureDemoTown(dataSource);
  const village = await dataSource.getRepository(Region).findOneBy({ parentId: town.id, level: 'village' });
  if (!(await staff.findOneBy({ username: 'admin' }))) {
    const password = options.adminPassword ?? randomAdminPassword();
    await staff.insert({
      id: randomUUID(),
      username: 'admin',
      displayName: '系统管理员',
      passwordHash: await hashPassword(password),
      roles: [Role.SuperAdmin],
      grants: [],
      // The super admin's scope is the whole town.
      regionId: town.id,
      scopePath: town.path,
      status: 'active',
      mustChangePassword: true,
      lastLoginAt: null,
    });
    result.adminCreated = true;
    result.adminPassword = password;
  }
  const mp = dataSource.getRepository(MpUser);
  for (const user of options.mpUsers ?? []) {
    if (await mp.findOneBy({ openid: user.openid })) continue;
    await mp.insert({
      id: randomUUID(),
      openid: user.openid,
      unionid: null,
      nickname: user.nickname,
      avatarUrl: null,
      roles: user.roles.filter(isRole),
      lastLoginAt: null,
      // Demo grid workers and party members belong to the demo village, as a binding code would do.
      ...(user.roles.some((r) => r !== 'resident') && village ? { regionId: village.id, scopePath: village.path } : {}),
    });
    result.mpUsersCreated += 1;
  }
  return result;
}

/** CLI form: options from SEED_ADMIN_PASSWORD and SEED_MP_USERS (JSON array); prints JSON. */
export async function seedFromEnv(): Promise<SeedResult> {
  const dataSource = await openDataSource();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const mpUsers = process.env.SEED_MP_USERS ? (JSON.parse(process.env.SEED_MP_USERS) as SeedMpUser[]) : [];
    return await seed(dataSource, { adminPassword: process.env.SEED_ADMIN_PASSWORD || undefined, mpUsers });
  } finally {
    await dataSource.destroy();
  }
}
