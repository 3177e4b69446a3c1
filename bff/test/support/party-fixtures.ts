import { randomUUID } from 'crypto';
import type { PartyOrgDetailVO, PartyOrgType, Permission } from '@zhili/shared';
import type { Region } from '../../src/modules/region';
import { Person } from '../../src/modules/registry';
import { PiiCipher } from '../../src/core/crypto/pii-cipher';
import { dataSourceOf, staffWithToken } from './staff-fixtures';
import type { TestApp } from './test-app';

/** Party work within one's assigned organisations (the party secretary's permissions, without MFA). */
export const PARTY_WORK: Permission[] = [
  'party:org:read',
  'party:org:manage',
  'party:member:read',
  'party:member:manage',
  'party:admission:manage',
];

/** Beijing's calendar day `days` from today (negative: earlier), `YYYY-MM-DD`. */
export function day(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same calendar day `months` later (negative: earlier); past a month's end it clamps. */
export function monthsFrom(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A registry person inserted directly (the registry's own API is not what these tests are about). */
export async function registryPerson(
  t: TestApp,
  name: string,
  region: Region,
  opts: { phone?: string; idNumber?: string; birthDate?: string; gender?: 'male' | 'female' } = {},
): Promise<Person> {
  const ds = await dataSourceOf(t);
  const cipher = await t.get(PiiCipher);
  const person = ds.getRepository(Person).create({
    id: randomUUID(),
    regionId: region.id,
    scopePath: region.path,
    name,
    gender: opts.gender ?? 'male',
    birthDate: opts.birthDate ?? '1990-05-05',
    idNumber: cipher.seal(opts.idNumber ?? null),
    phone: cipher.seal(opts.phone ?? null),
    hukouType: 'local',
    hukouAddress: null,
    address: `${region.name}1号`,
    origin: null,
    arrivalDate: null,
    permitStatus: null,
    permitExpiry: null,
    householdId: null,
    relationToHead: null,
    status: 'active',
    note: null,
    lastVisitedAt: null,
  });
  await ds.getRepository(Person).insert(person);
  return person;
}

/** A staff member doing party work (grants instead of the MFA-bound roles), bound to `region`. */
export function partyStaff(t: TestApp, username: string, region: Region, grants: Permission[] = PARTY_WORK) {
  return staffWithToken(t, { username, roles: [], grants, region });
}

/** The town committee's view: everything, and unmasked numbers. */
export function townPartyAdmin(t: TestApp, username: string, region: Region) {
  return partyStaff(t, username, region, ['party:manage', ...PARTY_WORK, 'person:pii:read']);
}

/** Creates an organisation through the API as `staff` (founded 2015-01-01 unless said); fails the test on refusal. */
export async function createPartyOrg(
  t: TestApp,
  staff: { auth: string },
  org: { parentId: string | null; type: PartyOrgType; name: string; foundedOn?: string },
): Promise<PartyOrgDetailVO> {
  const res = await t
    .http()
    .post('/api/admin/party/orgs')
    .set('Authorization', staff.auth)
    .send({ foundedOn: '2015-01-01', ...org });
  if (res.status !== 201) throw new Error(`creating ${org.name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as PartyOrgDetailVO;
}
