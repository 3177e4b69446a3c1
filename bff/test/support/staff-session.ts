import { HOTP, TOTP, URI } from 'otpauth';
import { createStaff, FIXTURE_PASSWORD, StaffFixture, StaffFixtureInput } from './staff-fixtures';
import type { TestApp } from './test-app';

/**
 * Staff tokens for any role, including those that must use two-factor authentication (town admin,
 * party secretary, auditor, super admin). When the login answers `mfaRequired`, the account is
 * enrolled through the contract's routes (GET/POST /api/admin/auth/mfa/setup with the mfaToken),
 * then the second step is completed with a TOTP code — or a recovery code should the server refuse
 * to accept the same time step twice. Secrets are remembered per username for later logins.
 */

interface LoginAnswer {
  mfaRequired?: boolean;
  mfaToken?: string;
  mfaEnrolled?: boolean;
  accessToken?: string;
  refreshToken?: string;
}

const secrets = new Map<string, TOTP>();
const recoveryCodes = new Map<string, string[]>();

function fail(step: string, username: string, res: { status: number; body: unknown }): never {
  throw new Error(`staff ${step} of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The TOTP of an otpauth:// URL (or a bare base32 secret with the usual defaults). */
function totpOf(setup: { otpauthUrl?: string; secret?: string }): TOTP {
  if (setup.otpauthUrl) {
    const parsed = URI.parse(setup.otpauthUrl);
    if (parsed instanceof HOTP) throw new Error('expected a TOTP enrolment, got HOTP');
    return parsed;
  }
  if (!setup.secret) throw new Error('MFA setup answered neither otpauthUrl nor secret');
  return new TOTP({ secret: setup.secret });
}

async function enrol(t: TestApp, username: string, mfaToken: string): Promise<void> {
  const auth = `Bearer ${mfaToken}`;
  const setup = await t.http().get('/api/admin/auth/mfa/setup').set('Authorization', auth);
  if (setup.status !== 200) fail('MFA setup', username, setup);
  const totp = totpOf(setup.body.data as { otpauthUrl?: string; secret?: string });
  const confirm = await t
    .http()
    .post('/api/admin/auth/mfa/setup')
    .set('Authorization', auth)
    .send({ code: totp.generate() });
  if (confirm.status !== 200) fail('MFA confirmation', username, confirm);
  secrets.set(username, totp);
  recoveryCodes.set(username, [...((confirm.body.data?.recoveryCodes as string[] | undefined) ?? [])]);
}

async function secondStep(t: TestApp, username: string, mfaToken: string): Promise<LoginAnswer> {
  const totp = secrets.get(username);
  if (!totp) throw new Error(`no TOTP secret known for ${username}: enrolled outside this helper?`);
  const attempts: Record<string, string>[] = [{ code: totp.generate() }];
  const recovery = recoveryCodes.get(username)?.shift();
  if (recovery) attempts.push({ recoveryCode: recovery });
  attempts.push({ code: totp.generate({ timestamp: Date.now() + totp.period * 1000 }) });
  let last: { status: number; body: unknown } | undefined;
  for (const attempt of attempts) {
    const res = await t
      .http()
      .post('/api/admin/auth/mfa')
      .send({ mfaToken, ...attempt });
    if (res.status === 200) return res.body.data as LoginAnswer;
    last = res;
  }
  return fail('MFA step', username, last ?? { status: 0, body: null });
}

/** Logs in over HTTP (through MFA when required) and returns the token pair. */
export async function loginStaff(
  t: TestApp,
  username: string,
  password = FIXTURE_PASSWORD,
): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await t.http().post('/api/admin/auth/login').send({ username, password });
  if (res.status !== 200) fail('login', username, res);
  let data = res.body.data as LoginAnswer;
  if (data.mfaRequired) {
    if (!data.mfaToken) fail('login (no mfaToken)', username, res);
    if (!data.mfaEnrolled) await enrol(t, username, data.mfaToken);
    data = await secondStep(t, username, data.mfaToken);
  }
  if (!data.accessToken || !data.refreshToken) fail('login (no tokens)', username, res);
  return { accessToken: data.accessToken, refreshToken: data.refreshToken };
}

export type StaffWithAuth = StaffFixture & { auth: string };

/** createStaff (roles, region, grants set in the database) + an HTTP login for any role. */
export async function staffAs(t: TestApp, input: StaffFixtureInput): Promise<StaffWithAuth> {
  const staff = await createStaff(t, input);
  return { ...staff, auth: `Bearer ${(await loginStaff(t, staff.username)).accessToken}` };
}

/** A fresh access token for an existing fixture (e.g. after its roles changed). */
export async function reauth(t: TestApp, staff: { username: string; password: string }): Promise<string> {
  return `Bearer ${(await loginStaff(t, staff.username, staff.password)).accessToken}`;
}
