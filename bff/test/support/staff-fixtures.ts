import { TypeORMDataSourceManager } from '@midwayjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Permission, Role } from '@zhili/shared';
import { RegionService } from '../../src/modules/region';
import type { Region, RegionLevel } from '../../src/modules/region';
import { StaffService } from '../../src/modules/staff';
import { StaffUser } from '../../src/modules/staff/staff-user.entity';
import type { TestApp } from './test-app';

/**
 * Staff principals for integration tests: create through StaffService, then set roles, grants and
 * region directly in the database (no admin API involved), log in over HTTP.
 *
 * Prefer roles that do not require MFA (community/village admin, grid roles) plus explicit `grants`
 * for extra permissions: town-level roles must enrol TOTP before their first login.
 */

export const FIXTURE_PASSWORD = 'Fixture-Pass-2024!x';

export async function dataSourceOf(t: TestApp): Promise<DataSource> {
  return (await t.get(TypeORMDataSourceManager)).getDataSource('default');
}

export async function createRegion(
  t: TestApp,
  name: string,
  level: RegionLevel,
  parent: Region | null = null,
): Promise<Region> {
  return (await t.get(RegionService)).create({ name, level, parentId: parent?.id ?? null });
}

export interface StaffFixture {
  id: string;
  username: string;
  password: string;
  roles: Role[];
  grants: Permission[];
  region: Region | null;
}

export interface StaffFixtureInput {
  username: string;
  roles: Role[];
  grants?: Permission[];
  /** Bound region (data scope); null = no scoped data at all. */
  region?: Region | null;
}

export async function createStaff(t: TestApp, input: StaffFixtureInput): Promise<StaffFixture> {
  const user = await (
    await t.get(StaffService)
  ).create({
    username: input.username,
    displayName: input.username,
    password: FIXTURE_PASSWORD,
    roles: input.roles,
  });
  const region = input.region ?? null;
  // A new account must change its password before using the API; fixtures skip that step.
  await (await dataSourceOf(t)).getRepository(StaffUser).update(
    { id: user.id },
    {
      roles: input.roles,
      grants: input.grants ?? [],
      regionId: region?.id ?? null,
      scopePath: region?.path ?? null,
      mustChangePassword: false,
    },
  );
  return {
    id: user.id,
    username: input.username,
    password: FIXTURE_PASSWORD,
    roles: input.roles,
    grants: input.grants ?? [],
    region,
  };
}

/** Logs in over HTTP and returns the access token (fails clearly if MFA would be required). */
export async function staffLogin(t: TestApp, username: string, password = FIXTURE_PASSWORD): Promise<string> {
  const res = await t.http().post('/api/admin/auth/login').send({ username, password });
  if (res.status !== 200)
    throw new Error(`staff login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const data = res.body.data as { accessToken?: string; mfaRequired?: boolean };
  if (data.mfaRequired || !data.accessToken) {
    throw new Error(
      `staff login of ${username} needs MFA: use a role without mfaRequired and grant permissions instead`,
    );
  }
  return data.accessToken;
}

/** createStaff + staffLogin: the fixture plus a ready `Authorization` header value. */
export async function staffWithToken(t: TestApp, input: StaffFixtureInput): Promise<StaffFixture & { auth: string }> {
  const staff = await createStaff(t, input);
  return { ...staff, auth: `Bearer ${await staffLogin(t, staff.username)}` };
}
