import { HOTP, TOTP, URI } from 'otpauth';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createStaff, dataSourceOf, FIXTURE_PASSWORD } from './support/staff-fixtures';
import { StaffUser } from '../src/modules/staff/staff-user.entity';
import { StaffRecoveryCode } from '../src/modules/staff/staff-recovery-code.entity';
import { AuditLog } from '../src/core/audit';
import { InfraService } from '../src/core/infra/infra.service';

const backend = currentBackend();

let nextIp = 0;
const freshIp = () => `10.3.0.${++nextIp}`;

interface LoginData {
  mfaRequired: boolean;
  mfaToken?: string;
  mfaEnrolled?: boolean;
  accessToken?: string;
  refreshToken?: string;
  user?: Record<string, unknown>;
}

/** A code of the next time step: valid now (±1 step window) and never used before in these tests. */
const nextCode = (totp: TOTP, steps = 1) => totp.generate({ timestamp: Date.now() + steps * totp.period * 1000 });

/**
 * A code the server must refuse. Earlier steps are refused as replays anyway, so only the next
 * step's code could accidentally be right.
 */
const wrongCode = (totp: TOTP) => (nextCode(totp) === '000000' ? '111111' : '000000');

describe(`staff two-factor authentication on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The password step; with a captcha (solved from the shared cache) when the server asks for one. */
  async function passwordStep(username: string, password = FIXTURE_PASSWORD): Promise<LoginData> {
    const ip = freshIp();
    let res = await t.http().post('/api/admin/auth/login').set('X-Forwarded-For', ip).send({ username, password });
    if (res.body.error?.code === 'AUTH_CAPTCHA_REQUIRED') {
      const { captchaId } = (await t.http().get('/api/admin/auth/captcha').set('X-Forwarded-For', ip)).body.data as {
        captchaId: string;
      };
      const captchaText = (await (await t.get(InfraService)).infra.cache.get(`auth:captcha:${captchaId}`)) ?? '';
      res = await t
        .http()
        .post('/api/admin/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username, password, captchaId, captchaText });
    }
    expect(res.status).toBe(200);
    return res.body.data as LoginData;
  }

  const secondStep = (body: Record<string, string>) =>
    t.http().post('/api/admin/auth/mfa').set('X-Forwarded-For', freshIp()).send(body);
  const bearer = (token: string) => `Bearer ${token}`;

  /** Enrols through the contract's routes with an mfaToken (or access token); the TOTP as an app would read it. */
  async function enrol(
    token: string,
  ): Promise<{ totp: TOTP; recoveryCodes: string[]; secret: string; qrDataUrl: string }> {
    const setup = await t.http().get('/api/admin/auth/mfa/setup').set('Authorization', bearer(token));
    expect(setup.status).toBe(200);
    const parsed = URI.parse(setup.body.data.otpauthUrl);
    if (parsed instanceof HOTP) throw new Error('expected TOTP');
    const confirm = await t
      .http()
      .post('/api/admin/auth/mfa/setup')
      .set('Authorization', bearer(token))
      .send({ code: parsed.generate() });
    expect(confirm.status).toBe(200);
    return {
      totp: parsed,
      recoveryCodes: confirm.body.data.recoveryCodes,
      secret: setup.body.data.secret,
      qrDataUrl: setup.body.data.qrDataUrl,
    };
  }

  it('gives an MFA-required role no tokens before it enrols; the mfaToken opens only the MFA routes', async () => {
    const staff = await createStaff(t, { username: 'town.boss', roles: ['town_admin'] });
    const first = await passwordStep(staff.username);
    expect(first).toEqual({ mfaRequired: true, mfaToken: expect.any(String), mfaEnrolled: false });
    const mfaToken = first.mfaToken as string;

    const early = await secondStep({ mfaToken, code: '123456' });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('AUTH_MFA_ENROLL_REQUIRED');
    // Not an access token: the profile and every other route refuse it.
    expect((await t.http().get('/api/admin/me').set('Authorization', bearer(mfaToken))).body.error.code).toBe(
      'AUTH_TOKEN_INVALID',
    );
    expect((await t.http().post('/api/admin/auth/logout-all').set('Authorization', bearer(mfaToken))).status).toBe(401);
    // And an access token is no mfaToken.
    const other = await createStaff(t, { username: 'plain.worker', roles: ['grid_worker'] });
    const plain = await passwordStep(other.username);
    expect((await secondStep({ mfaToken: plain.accessToken as string, code: '123456' })).body.error.code).toBe(
      'AUTH_TOKEN_INVALID',
    );

    const { totp, recoveryCodes, secret, qrDataUrl } = await enrol(mfaToken);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(totp).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30, issuer: '智理', label: 'town.boss' });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    // Enrolling proved the second factor: the login completes with the same mfaToken, once.
    const done = await secondStep({ mfaToken });
    expect(done.status).toBe(200);
    expect(done.body.data.user).toMatchObject({
      mfaEnabled: true,
      mfaRequired: true,
      permissions: expect.arrayContaining(['person:pii:read']),
    });
    expect((await t.http().get('/api/admin/me').set('Authorization', bearer(done.body.data.accessToken))).status).toBe(
      200,
    );
    expect((await secondStep({ mfaToken })).body.error.code).toBe('AUTH_TOKEN_INVALID');

    // The secret is never shown again, and it is not stored in clear.
    const again = await t
      .http()
      .get('/api/admin/auth/mfa/setup')
      .set('Authorization', bearer(done.body.data.accessToken));
    expect(again.status).toBe(409);
    const row = await (
      await dataSourceOf(t)
    )
      .getRepository(StaffUser)
      .findOne({ where: { id: staff.id }, select: { id: true, mfaSecret: true } });
    expect(row?.mfaSecret).toMatch(/^v1\./);
    expect(row?.mfaSecret).not.toContain(secret);
    const codes = await (await dataSourceOf(t)).getRepository(StaffRecoveryCode).findBy({ staffId: staff.id });
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(recoveryCodes).not.toContain(c.codeHash);

    // Next login: the code of the authenticator app, computed independently with otpauth.
    const next = await passwordStep(staff.username);
    expect(next).toMatchObject({ mfaRequired: true, mfaEnrolled: true });
    // The password alone (an mfaToken) can never replace an enrolled authenticator.
    expect(
      (
        await t
          .http()
          .get('/api/admin/auth/mfa/setup')
          .set('Authorization', bearer(next.mfaToken as string))
      ).status,
    ).toBe(409);
    const wrong = await secondStep({
      mfaToken: next.mfaToken as string,
      code: totp.generate({ timestamp: Date.now() - 10 * 60_000 }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('AUTH_MFA_INVALID');
    const code = nextCode(totp);
    const ok = await secondStep({ mfaToken: next.mfaToken as string, code });
    expect(ok.status).toBe(200);

    // The same code again, within its window: a replay.
    const third = await passwordStep(staff.username);
    const replay = await secondStep({ mfaToken: third.mfaToken as string, code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('AUTH_MFA_INVALID');
    // An older step than the last one accepted is refused too.
    const older = await secondStep({ mfaToken: third.mfaToken as string, code: totp.generate() });
    expect(older.body.error.code).toBe('AUTH_MFA_INVALID');

    const audit = (await dataSourceOf(t)).getRepository(AuditLog);
    expect(await audit.countBy({ action: 'auth.mfa_enrol', actorId: staff.id, result: 'success' })).toBe(1);
  });

  it('accepts each recovery code once, in any case and with or without the hyphen', async () => {
    const staff = await createStaff(t, { username: 'auditor.one', roles: ['auditor'] });
    const { mfaToken } = await passwordStep(staff.username);
    const { recoveryCodes } = await enrol(mfaToken as string);
    expect((await secondStep({ mfaToken: mfaToken as string })).status).toBe(200);

    const [code] = recoveryCodes;
    const login1 = await passwordStep(staff.username);
    const used = await secondStep({
      mfaToken: login1.mfaToken as string,
      recoveryCode: code.toLowerCase().replace('-', ''),
    });
    expect(used.status).toBe(200);
    const login2 = await passwordStep(staff.username);
    const reused = await secondStep({ mfaToken: login2.mfaToken as string, recoveryCode: code });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('AUTH_MFA_INVALID');
    expect((await secondStep({ mfaToken: login2.mfaToken as string, recoveryCode: recoveryCodes[1] })).status).toBe(
      200,
    );

    const audit = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'auth.recovery_code', actorId: staff.id });
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1].detail ?? '{}')).toEqual({ remaining: 8 });
  });

  it('locks the account after 5 wrong second factors, although each came with the right password', async () => {
    const staff = await createStaff(t, { username: 'secretary.one', roles: ['party_secretary'] });
    const { mfaToken } = await passwordStep(staff.username);
    const { totp } = await enrol(mfaToken as string);
    expect((await secondStep({ mfaToken: mfaToken as string })).status).toBe(200);
    const answers: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { mfaToken: token } = await passwordStep(staff.username);
      answers.push((await secondStep({ mfaToken: token as string, code: wrongCode(totp) })).status);
    }
    // Second-factor failures count for the username like password failures (captcha from the 3rd on).
    expect(answers).toEqual([401, 401, 401, 401, 423]);
    const locked = await t
      .http()
      .post('/api/admin/auth/login')
      .set('X-Forwarded-For', freshIp())
      .send({ username: staff.username, password: FIXTURE_PASSWORD });
    expect(locked.status).toBe(423);
  });

  it('refuses to switch MFA off for a role that requires it', async () => {
    const staff = await createStaff(t, { username: 'super.one', roles: ['super_admin'] });
    const { mfaToken } = await passwordStep(staff.username);
    const { totp } = await enrol(mfaToken as string);
    const session = await secondStep({ mfaToken: mfaToken as string });
    const res = await t
      .http()
      .delete('/api/admin/auth/mfa')
      .set('Authorization', bearer(session.body.data.accessToken))
      .send({ code: nextCode(totp) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(
      (await t.http().get('/api/admin/me').set('Authorization', bearer(session.body.data.accessToken))).body.data
        .mfaEnabled,
    ).toBe(true);
  });

  it('lets other roles enrol optionally with their session, then asks for the second factor at login; they may switch it off', async () => {
    const staff = await createStaff(t, { username: 'village.head', roles: ['village_admin'] });
    const first = await passwordStep(staff.username);
    expect(first.mfaRequired).toBe(false);
    expect(first.user).toMatchObject({ mfaEnabled: false, mfaRequired: false });
    const { totp, recoveryCodes } = await enrol(first.accessToken as string);

    const next = await passwordStep(staff.username);
    expect(next).toMatchObject({ mfaRequired: true, mfaEnrolled: true });
    // No code: enrolling with an access token does not vouch for a later login.
    expect((await secondStep({ mfaToken: next.mfaToken as string })).body.error.code).toBe('AUTH_MFA_INVALID');
    const session = await secondStep({ mfaToken: next.mfaToken as string, recoveryCode: recoveryCodes[0] });
    expect(session.status).toBe(200);

    const token = session.body.data.accessToken as string;
    const wrong = await t
      .http()
      .delete('/api/admin/auth/mfa')
      .set('Authorization', bearer(token))
      .send({ code: wrongCode(totp) });
    expect(wrong.body.error.code).toBe('AUTH_MFA_INVALID');
    const off = await t
      .http()
      .delete('/api/admin/auth/mfa')
      .set('Authorization', bearer(token))
      .send({ code: nextCode(totp) });
    expect(off.status).toBe(200);
    expect(off.body.data).toEqual({ ok: true });
    const plain = await passwordStep(staff.username);
    expect(plain.mfaRequired).toBe(false);
    expect(plain.user).toMatchObject({ mfaEnabled: false });
    const audit = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'auth.mfa_disable', actorId: staff.id });
    expect(audit.map((a) => a.result)).toEqual(['failure', 'success']);
  });
});
