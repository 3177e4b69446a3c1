import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { isRole, Role } from '@zhili/shared';
import { dataSourceOptions } from '../config/database';
import { loadEnv } from '../config/env';
import { PiiCipher } from '../core/crypto/pii-cipher';
import { MpUser } from '../modules/mp-user/mp-user.entity';
import { StaffUser } from '../modules/staff/staff-user.entity';
import { hashPassword } from '../modules/staff/password';
import { demoAnchors, DemoTownReport, ensureDemoTown, randomDemoPassword } from '../seed/demo-town';
import type { SeedSize } from '../seed/model';
import { ensureDemoCases } from '../seed/demo-cases';
import { ensureDemoParty, type DemoPartyReport } from '../seed/demo-party';
import { ensureDemoStudyCourses } from '../seed/demo-study-courses';
import { ensureDemoStudyPoints } from '../seed/demo-study-points';
import { ensureDemoStudySurvey } from '../seed/demo-study-survey';
import { ensureDemoStudyExam } from '../seed/demo-study-exam';
import { ensureDemoStudyHistory } from '../seed/demo-study-history';
import { ensureDemoDues } from '../seed/demo-dues';

/** Sample cases per town size: enough for the console and charts, and for the case benchmarks. */
const DEMO_CASE_COUNT: Record<SeedSize, number> = { small: 80, full: 1500 };

export interface SeedMpUser {
  openid: string;
  nickname: string;
  roles: Role[];
}

export interface SeedOptions {
  /** Demo town size (`npm start` uses small, benchmarks full). */
  size?: SeedSize;
  /** Seals ID numbers and phones of the generated registry. */
  cipher: PiiCipher;
  /** Password of the `admin` account when it is created; random when omitted. */
  adminPassword?: string;
  /** Mini-program users to pre-create (e.g. the simulator's demo identities with their roles). */
  mpUsers?: SeedMpUser[];
  /** Reference day of the generated town (YYYY-MM-DD); Asia/Shanghai today by default. */
  today?: string;
  onProgress?: (table: string, rows: number) => void;
}

export interface SeedResult {
  adminCreated: boolean;
  /** Only set when the admin account was created by this run: shown once, never stored in clear. */
  adminPassword?: string;
  mpUsersCreated: number;
  town: DemoTownReport;
  /** Sample cases written with a freshly created town (0 otherwise). */
  casesCreated: number;
  /** The demo party organisation (written when the database has none yet). */
  party?: DemoPartyReport;
}

/** A random password that satisfies the #3 policy classes (upper, lower, digit, symbol). */
export const randomAdminPassword = randomDemoPassword;

/**
 * The demo seed: the demo town 示范镇 (generated registry and staff, see src/seed), the `admin`
 * account, and the mini-program demo identities. Idempotent: an existing town and existing accounts
 * are left alone.
 */
export async function seed(dataSource: DataSource, options: SeedOptions): Promise<SeedResult> {
  const town = await ensureDemoTown(dataSource, {
    size: options.size ?? 'small',
    cipher: options.cipher,
    today: options.today,
    onProgress: options.onProgress,
  });
  const anchors = await demoAnchors(dataSource);
  if (!anchors) throw new Error('demo town missing after seeding');
  const staff = dataSource.getRepository(StaffUser);
  const result: SeedResult = { adminCreated: false, mpUsersCreated: 0, town, casesCreated: 0 };
  // Only with a new town: cases added to an existing one would surprise whoever works with it.
  if (town.created)
    result.casesCreated = await ensureDemoCases(dataSource, {
      cipher: options.cipher,
      count: DEMO_CASE_COUNT[town.size],
    });
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
      regionId: anchors.town.id,
      scopePath: anchors.town.path,
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
    // As a binding code would: a grid worker works in 幸福村's first grid (so the H5 grid pages show
    // its households), a party member belongs to the village.
    const region = user.roles.includes(Role.GridWorker)
      ? anchors.grid
      : user.roles.some((r) => r !== Role.Resident)
        ? anchors.village
        : null;
    await mp.insert({
      id: randomUUID(),
      openid: user.openid,
      unionid: null,
      nickname: user.nickname,
      avatarUrl: null,
      roles: user.roles.filter(isRole),
      lastLoginAt: null,
      ...(region ? { regionId: region.id, scopePath: region.path } : {}),
    });
    result.mpUsersCreated += 1;
  }
  // After the mini-program users, so the demo party member (李四) is linked to his member file.
  result.party = await ensureDemoParty(dataSource, {
    cipher: options.cipher,
    today: options.today,
    lisiOpenid: options.mpUsers?.find((u) => u.roles.includes(Role.PartyMember))?.openid,
  });
  await ensureDemoStudyCourses(dataSource); // columns, courses and lessons of the party school (after the party)
  await ensureDemoStudyPoints(dataSource); // points history of the party school (after the party)
  await ensureDemoStudySurvey(dataSource, {
    today: options.today,
    residentOpenid: options.mpUsers?.find((u) => u.roles.every((r) => r === Role.Resident))?.openid,
  }); // a members' survey, a 议事协商 of 幸福村 and an open 民主评议 (after the party)
  await ensureDemoStudyExam(dataSource); // question bank, an open exam and a few finished attempts
  await ensureDemoStudyHistory(dataSource); // study progress of the members (after the courses and the points)
  await ensureDemoDues(dataSource, { cipher: options.cipher, today: options.today }); // dues bases and 7 months of bills (after the party)
  return result;
}

export function parseSize(value: string | undefined): SeedSize {
  if (value === undefined || value === '' || value === 'small') return 'small';
  if (value === 'full') return 'full';
  throw new Error(`--size must be small or full, not ${value}`);
}

/**
 * CLI form: DATABASE_URL and PII keys from the BFF's configuration, size from the argument (or
 * SEED_SIZE), SEED_ADMIN_PASSWORD and SEED_MP_USERS (JSON array) as before.
 */
export async function seedFromEnv(
  size: SeedSize = parseSize(process.env.SEED_SIZE),
  onProgress?: (table: string, rows: number) => void,
): Promise<SeedResult> {
  const env = loadEnv();
  const cipher = PiiCipher.fromEnv(env);
  const dataSource = new DataSource({ ...dataSourceOptions(env.DATABASE_URL), migrationsRun: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const mpUsers = process.env.SEED_MP_USERS ? (JSON.parse(process.env.SEED_MP_USERS) as SeedMpUser[]) : [];
    return await seed(dataSource, {
      size,
      cipher,
      adminPassword: process.env.SEED_ADMIN_PASSWORD || undefined,
      mpUsers,
      onProgress,
    });
  } finally {
    await dataSource.destroy();
  }
}
